package io.pactum.core.incident;

import static io.pactum.core.incident.IncidentActions.BLOCK_SOURCE;
import static io.pactum.core.incident.IncidentActions.QUARANTINE_DEVICE;
import static io.pactum.core.incident.IncidentActions.REVOKE_CREDENTIAL;
import static io.pactum.core.incident.IncidentActions.SUSPEND_AGREEMENT;
import static io.pactum.core.incident.IncidentActions.SUSPEND_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.PactumException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Playbooks as the operator writes them, in one line of text. */
class PlaybooksTest {
    private static final Set<String> HUB_ACTIONS =
            Set.of(QUARANTINE_DEVICE, REVOKE_CREDENTIAL, BLOCK_SOURCE, SUSPEND_AGREEMENT, SUSPEND_ORGANISATION);
    private static final Set<String> XY = Set.of("x", "y");

    private static PlaybookStep step(String action) {
        return new PlaybookStep(action, Severity.LOW);
    }

    @Test
    void theDefaults_parseWithTheHubsActions() {
        Playbooks defaults = Playbooks.parse(Playbooks.DEFAULTS, HUB_ACTIONS);

        assertThat(defaults.of("credential-stuffing")).containsExactly(step(BLOCK_SOURCE));
        for (String detector : List.of("connection-flood", "message-flood", "integrity-failure-burst", "replay",
                "topic-scanning", "shared-credentials", "out-of-profile-value")) {
            assertThat(defaults.of(detector)).as(detector).containsExactly(step(QUARANTINE_DEVICE));
        }
        assertThat(defaults.of("partner-exfiltration")).containsExactly(step(SUSPEND_ORGANISATION));
        assertThat(defaults.of("no-such-detector")).isEmpty();
    }

    @Test
    void stepsAreSeparatedBySpaces_andMayNameTheLeastSeverity() {
        Playbooks playbooks = Playbooks.parse("a: x@high y", XY);

        assertThat(playbooks.of("a")).containsExactly(new PlaybookStep("x", Severity.HIGH), step("y"));
        assertThat(playbooks.of("a").get(0).appliesTo(Severity.MEDIUM)).isFalse();
        assertThat(playbooks.of("a").get(0).appliesTo(Severity.HIGH)).isTrue();
        assertThat(playbooks.of("a").get(0).appliesTo(Severity.CRITICAL)).isTrue();
        assertThat(playbooks.of("a").get(1).appliesTo(Severity.LOW)).as("no severity: any").isTrue();
    }

    @Test
    void severalDetectors_eachWithTheirOwnSteps_inOrder() {
        Playbooks playbooks = Playbooks.parse("a: y x@medium; b-2: x@critical; c:", XY);

        assertThat(playbooks.of("a")).containsExactly(step("y"), new PlaybookStep("x", Severity.MEDIUM));
        assertThat(playbooks.of("b-2")).containsExactly(new PlaybookStep("x", Severity.CRITICAL));
        assertThat(playbooks.of("c")).as("a detector with no steps").isEmpty();
    }

    @Test
    void whitespaceAroundEverything_isTolerated_andSeveritiesIgnoreCase() {
        Playbooks playbooks = Playbooks.parse("  a :   x@High \t y ;\n b:x  ;  ; ", XY);

        assertThat(playbooks.of("a")).containsExactly(new PlaybookStep("x", Severity.HIGH), step("y"));
        assertThat(playbooks.of("b")).containsExactly(step("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ";", " ; ;\n; "})
    void emptyText_givesNoPlaybooks(String text) {
        Playbooks playbooks = Playbooks.parse(text, XY);
        assertThat(playbooks.of("a")).isEmpty();
        assertThat(playbooks.of("replay")).isEmpty();
    }

    @Test
    void none_hasNoPlaybooks() {
        assertThat(Playbooks.none().of("replay")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a x                | 'a x' has no ':'",
        "a: x; b y          | 'b y' has no ':'",
        "a: z               | detector 'a': unknown action 'z'; known: x, y",
        "a: x Y             | unknown action 'Y'",
        "a: @high           | unknown action ''",
        "a: x@severe        | detector 'a': 'severe' is not a severity",
        "a: x@              | '' is not a severity",
        "a: x; a: y         | detector 'a' has two playbooks",
        "a: x; b: y; a:     | detector 'a' has two playbooks",
        "A: x               | 'A' is not a detector name",
        "my detector: x     | 'my detector' is not a detector name",
        ": x                | '' is not a detector name",
        "1a: x              | '1a' is not a detector name",
    })
    void mistakes_areInvalidInput_namingTheProblem(String text, String message) {
        assertThatThrownBy(() -> Playbooks.parse(text, XY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PactumException) e).field()).contains("playbooks"));
    }

    @Test
    void anUnknownAction_namesTheKnownOnes_sorted() {
        assertThatThrownBy(() -> Playbooks.parse("replay: quarantine-devices", HUB_ACTIONS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown action 'quarantine-devices'")
                .hasMessageContaining("known: block-source, quarantine-device, revoke-credential, suspend-agreement,"
                        + " suspend-organisation");
    }
}
