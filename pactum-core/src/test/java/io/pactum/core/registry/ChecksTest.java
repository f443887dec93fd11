package io.pactum.core.registry;

import static io.pactum.core.registry.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChecksTest {

    // --- text -------------------------------------------------------------------------------

    @Test
    void text_isStrippedOfSurroundingWhitespace() {
        assertThat(Checks.text("name", "  Acme Sensors  ")).isEqualTo("Acme Sensors");
    }

    @Test
    void text_null_isRejectedAsRequired() {
        var e = assertRejectedOn("name", () -> Checks.text("name", null));
        assertThat(e.getMessage()).contains("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t  "})
    void text_blank_isRejectedNamingField(String blank) {
        assertRejectedOn("model", () -> Checks.text("model", blank));
    }

    @Test
    void text_atMaximumLength_isAccepted() {
        String max = "x".repeat(200);
        assertThat(Checks.text("name", max)).isEqualTo(max);
    }

    @Test
    void text_overMaximumLength_isRejectedNamingField() {
        assertRejectedOn("name", () -> Checks.text("name", "x".repeat(201)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\tinside", "nul\u0000", "bell\u0007", "del\u007f", "c1\u0085control",
            "escape\u001b[31m"})
    void text_withControlCharacter_isRejectedNamingField(String value) {
        var e = assertRejectedOn("name", () -> Checks.text("name", value));
        assertThat(e.getMessage()).contains("control characters");
    }

    @Test
    void text_withNonAsciiLetters_isAccepted() {
        assertThat(Checks.text("name", "Bäckerei Ünal GmbH")).isEqualTo("Bäckerei Ünal GmbH");
    }

    @Test
    void optionalText_null_isAllowed() {
        assertThat(Checks.optionalText("note", null)).isNull();
    }

    @Test
    void optionalText_blank_isRejectedNamingField() {
        assertRejectedOn("note", () -> Checks.optionalText("note", " "));
    }

    // --- identifier --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "device-01", "acme.sensor_2", "0f8fad5b-d9cb-469f-a165-70867728950e"})
    void identifier_ofAllowedCharacters_isAccepted(String id) {
        assertThat(Checks.identifier("id", id)).isEqualTo(id);
    }

    @Test
    void identifier_of64Characters_isAccepted() {
        String id = "a".repeat(64);
        assertThat(Checks.identifier("id", id)).isEqualTo(id);
    }

    @Test
    void identifier_of65Characters_isRejectedNamingField() {
        assertRejectedOn("id", () -> Checks.identifier("id", "a".repeat(65)));
    }

    @Test
    void identifier_withSlash_isRejectedNamingField() {
        assertRejectedOn("productId", () -> Checks.identifier("productId", "acme/thermo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "plus+", "hash#", "star*", "colon:x", "a\nb", "trailing\n", "nul\u0000",
            "tab\t", "ümlaut", "percent%2F", "question?"})
    void identifier_withForbiddenCharacter_isRejectedNamingField(String id) {
        assertRejectedOn("deviceId", () -> Checks.identifier("deviceId", id));
    }

    @ParameterizedTest
    @ValueSource(strings = {".hidden", "-dash", "_under"})
    void identifier_notStartingWithLetterOrDigit_isRejectedNamingField(String id) {
        assertRejectedOn("id", () -> Checks.identifier("id", id));
    }

    @Test
    void identifier_empty_isRejectedNamingField() {
        assertRejectedOn("id", () -> Checks.identifier("id", ""));
    }

    @Test
    void identifier_null_isRejectedAsRequired() {
        var e = assertRejectedOn("ownerId", () -> Checks.identifier("ownerId", null));
        assertThat(e.getMessage()).contains("required");
    }

    @Test
    void optionalIdentifier_null_isAllowed_butInvalidIsRejected() {
        assertThat(Checks.optionalIdentifier("subjectId", null)).isNull();
        assertRejectedOn("subjectId", () -> Checks.optionalIdentifier("subjectId", "a b"));
    }

    // --- present -----------------------------------------------------------------------------

    @Test
    void present_null_isRejectedNamingField() {
        assertRejectedOn("role", () -> Checks.present("role", null));
    }

    @Test
    void present_value_isReturned() {
        assertThat(Checks.present("role", OrganisationRole.PARTNER)).isEqualTo(OrganisationRole.PARTNER);
    }
}
