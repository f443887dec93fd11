package io.pactum.core.registry;

import static io.pactum.core.registry.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewDeviceTest {
    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static NewDevice withSecret(String secret) {
        return new NewDevice(null, "product-1", null, null, secret, null);
    }

    private static NewDevice withFingerprint(String fingerprint) {
        return new NewDevice("dev-1", "product-1", null, null, null, fingerprint);
    }

    @Test
    void minimalRequest_leavesIdSecretAndFingerprintForTheHub() {
        NewDevice request = new NewDevice(null, "product-1", null, null, null, null);
        assertThat(request.id()).isNull();
        assertThat(request.secret()).isNull();
        assertThat(request.certificateFingerprint()).isNull();
    }

    @Test
    void secret_atLengthBounds_isAccepted() {
        assertThat(withSecret("s".repeat(NewDevice.MIN_SECRET_LENGTH)).secret()).hasSize(16);
        assertThat(withSecret("s".repeat(NewDevice.MAX_SECRET_LENGTH)).secret()).hasSize(256);
    }

    @Test
    void secret_shorterThanMinimum_isRejectedNamingSecret() {
        assertRejectedOn("secret", () -> withSecret("s".repeat(NewDevice.MIN_SECRET_LENGTH - 1)));
    }

    @Test
    void secret_empty_isRejectedNamingSecret() {
        assertRejectedOn("secret", () -> withSecret(""));
    }

    @Test
    void secret_longerThanMaximum_isRejectedNamingSecret() {
        assertRejectedOn("secret", () -> withSecret("s".repeat(NewDevice.MAX_SECRET_LENGTH + 1)));
    }

    @Test
    void secretRejection_doesNotEchoTheSecret() {
        String secret = "tooShort-Secret";
        var e = assertRejectedOn("secret", () -> withSecret(secret));
        assertThat(e.getMessage()).doesNotContain(secret);
    }

    @Test
    void productId_missing_isRejectedNamingProductId() {
        assertRejectedOn("productId", () -> new NewDevice(null, null, null, null, null, null));
    }

    @Test
    void id_withSlash_isRejectedNamingId() {
        assertRejectedOn("id", () -> new NewDevice("a/b", "product-1", null, null, null, null));
    }

    @Test
    void ownerAndSubject_invalid_areRejectedNamingTheirFields() {
        assertRejectedOn("ownerId", () -> new NewDevice(null, "product-1", "org #1", null, null, null));
        assertRejectedOn("subjectId", () -> new NewDevice(null, "product-1", null, "+", null, null));
    }

    @Test
    void fingerprint_colonSeparatedUpperCase_isNormalisedToLowerHex() {
        StringBuilder colonUpper = new StringBuilder();
        for (int i = 0; i < HEX.length(); i += 2) {
            if (i > 0) {
                colonUpper.append(':');
            }
            colonUpper.append(HEX, i, i + 2);
        }
        String input = colonUpper.toString().toUpperCase(java.util.Locale.ROOT);
        assertThat(input).startsWith("01:23:45:67:89:AB:CD:EF:");
        assertThat(withFingerprint(input).certificateFingerprint()).isEqualTo(HEX);
    }

    @Test
    void fingerprint_lowerHex_isKeptAsIs() {
        assertThat(withFingerprint(HEX).certificateFingerprint()).isEqualTo(HEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", HEX + "0", "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            " 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n",
            "01-23-45-67-89-ab-cd-ef-01-23-45-67-89-ab-cd-ef-01-23-45-67-89-ab-cd-ef-01-23-45-67-89-ab-cd-ef"})
    void fingerprint_notSha256Hex_isRejectedNamingCertificateFingerprint(String fingerprint) {
        assertRejectedOn("certificateFingerprint", () -> withFingerprint(fingerprint));
    }

    @Test
    void fingerprint_ofSha1Length_isRejected() {
        assertRejectedOn("certificateFingerprint", () -> withFingerprint(HEX.substring(0, 40)));
    }

    @Test
    void toString_neverContainsTheSecret() {
        String secret = "Correct-Horse-Battery-Staple-42";
        NewDevice request = new NewDevice("dev-1", "product-1", null, null, secret, null);
        assertThat(request.toString()).doesNotContain(secret).contains("dev-1");
    }
}
