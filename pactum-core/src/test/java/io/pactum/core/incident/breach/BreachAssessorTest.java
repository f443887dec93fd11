package io.pactum.core.incident.breach;

import static io.pactum.core.incident.breach.BreachScenario.FROM;
import static io.pactum.core.incident.breach.BreachScenario.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.Severity;
import io.pactum.core.registry.DataCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue #6: the assessment names exactly the subjects, recipients and devices the ledger shows in scope. */
class BreachAssessorTest {
    private static final Instant IN = FROM.plus(Duration.ofMinutes(10));

    private final BreachScenario hub = new BreachScenario();

    @AfterEach
    void close() {
        hub.close();
    }

    /** Affected: device dev-a, recipient shady, subject carol. */
    private static Incident incident() {
        return BreachScenario.incident("partner-exfiltration", Severity.HIGH, Set.of("dev-a"), Set.of("shady"),
                Set.of("carol"));
    }

    /** Releases in and out of scope; gina's key is erased afterwards. */
    private void releases() {
        hub.release(IN, "dev-a", "p-glucose", "alice", "clinic", "glucose,battery"); // device
        hub.release(IN, "dev-a", "p-glucose", "alice", "research", "glucose"); // device
        hub.release(IN, "dev-b", "p-glucose", "bob", "clinic", "glucose"); // nothing affected: out
        hub.release(IN, "dev-c", "p-steps", "dave", "shady", "steps"); // recipient
        hub.release(IN, "dev-d", "p-steps", "carol", "insurer", "steps"); // subject
        hub.release(FROM.minusSeconds(1), "dev-a", "p-glucose", "erin", "clinic", "glucose"); // before: out
        hub.release(TO, "dev-a", "p-glucose", "frank", "clinic", "glucose"); // the end is exclusive: out
        hub.release(IN, "dev-a", "p-glucose", "gina", "clinic", "glucose"); // device; erased below
        hub.release(IN, "dev-a", "p-glucose", "", "clinic", "battery"); // device, no subject
        hub.olderRelease(IN, "hank", "shady", "steps"); // recipient; no device or product recorded
        hub.ledger.append(new AuditEvent(AuditEventType.RELEASE_DENIED, IN, AuditEvent.HUB,
                Map.of("recipientId", "shady", "subjectId", "ivan", "deviceId", "dev-a"))); // not a release: out
        hub.sealer.erase("gina");
    }

    @Test
    void assess_namesExactlyTheSubjectsRecipientsDevicesAndCategoriesInScope() {
        releases();

        BreachAssessment assessment = hub.assessor().assess(incident(), FROM, TO);

        assertThat(assessment.incidentId()).isEqualTo("inc-1");
        assertThat(assessment.window()).isEqualTo(new BreachWindow(FROM, TO));
        assertThat(assessment.assessedAt()).isEqualTo(BreachScenario.ASSESSED);
        assertThat(assessment.subjects()).containsExactly(
                Map.entry("alice", Set.of(DataCategory.HEALTH, DataCategory.TECHNICAL)),
                Map.entry("carol", Set.of(DataCategory.BEHAVIOURAL)),
                Map.entry("dave", Set.of(DataCategory.BEHAVIOURAL)),
                Map.entry("hank", Set.of(DataCategory.BEHAVIOURAL)));
        assertThat(assessment.erasedSubjects()).isEqualTo(1);
        assertThat(assessment.approximateSubjects()).isEqualTo(5);
        assertThat(assessment.records()).isEqualTo(new ReleaseCounts(7, 1, 1, 0, 1, 0));
        assertThat(assessment.recipients()).containsExactly(
                new RecipientExposure("clinic", "City Clinic", 3, Set.of("alice"),
                        Set.of(DataCategory.HEALTH, DataCategory.TECHNICAL), Set.of("healthcare"),
                        Set.of("agr-clinic")),
                new RecipientExposure("insurer", "Acme Insurance", 1, Set.of("carol"),
                        Set.of(DataCategory.BEHAVIOURAL), Set.of("billing"), Set.of("agr-insurer")),
                new RecipientExposure("research", "Uni Lab", 1, Set.of("alice"),
                        Set.of(DataCategory.HEALTH), Set.of("product_improvement"), Set.of("agr-research")),
                new RecipientExposure("shady", "Shady Analytics", 2, Set.of("dave", "hank"),
                        Set.of(DataCategory.BEHAVIOURAL), Set.of("usage_analytics"), Set.of("agr-shady")));
        assertThat(assessment.deviceIds()).containsExactly("dev-a", "dev-c", "dev-d");
        assertThat(assessment.products()).containsExactly(Map.entry("p-glucose", "Glucose One (firmware 1.0)"),
                Map.entry("p-steps", "Step Two (firmware 1.0)"));
        assertThat(assessment.categories())
                .containsExactly(DataCategory.HEALTH, DataCategory.BEHAVIOURAL, DataCategory.TECHNICAL);
        assertThat(assessment.personalCategories()).containsExactly(DataCategory.HEALTH, DataCategory.BEHAVIOURAL);
    }

    @Test
    void assess_withNothingInScope_keepsTheIncidentsDevices_andCountsNothing() {
        releases();
        Incident elsewhere = BreachScenario.incident("replay", Severity.LOW, Set.of("dev-z"), Set.of(), Set.of());

        BreachAssessment assessment = hub.assessor().assess(elsewhere, FROM, TO);

        assertThat(assessment.subjects()).isEmpty();
        assertThat(assessment.recipients()).isEmpty();
        assertThat(assessment.records()).isEqualTo(new ReleaseCounts(0, 0, 0, 0, 0, 0));
        assertThat(assessment.deviceIds()).containsExactly("dev-z");
        assertThat(assessment.categories()).isEmpty();
    }

    @Test
    void assess_readsTheLedgerBeyondOnePage() {
        for (int i = 0; i < 1_200; i++) {
            hub.ledger.append(new AuditEvent(AuditEventType.SECURITY_SIGNAL, IN, AuditEvent.HUB, Map.of("n", "" + i)));
        }
        hub.release(IN, "dev-a", "p-glucose", "alice", "clinic", "glucose");

        BreachAssessment assessment = hub.assessor().assess(incident(), FROM, TO);

        assertThat(assessment.subjectIds()).containsExactly("alice");
        assertThat(assessment.records().total()).isEqualTo(1);
    }

    @Test
    void assess_countsAlteredSubjectIdsAsUnreadable_andFieldsOfNoKnownCategoryAsUnknown() {
        hub.release(IN, "dev-a", "p-glucose", "alice", "clinic", "glucose");
        String aliceKey = hub.sealer.keyIdOf("alice").orElseThrow();
        // already sealed values pass the sealer unchanged: this one names alice's key but does not open
        hub.release(IN, "dev-a", "p-glucose", "sealed:v1:" + aliceKey + ":AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "clinic", "glucose");
        hub.release(IN, "dev-a", "p-unregistered", "", "clinic", "mystery");

        BreachAssessment assessment = hub.assessor().assess(incident(), FROM, TO);

        assertThat(assessment.subjectIds()).containsExactly("alice");
        assertThat(assessment.records()).isEqualTo(new ReleaseCounts(3, 1, 0, 1, 0, 1));
        assertThat(assessment.products()).containsEntry("p-unregistered", "unknown product");
    }

    @Test
    void assess_rejectsAMissingIncidentAndBadWindows_withMessagesThatSayWhatIsWrong() {
        BreachAssessor assessor = hub.assessor();

        assertThatThrownBy(() -> assessor.assess(null, FROM, TO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs the incident");
        assertThatThrownBy(() -> assessor.assess(incident(), TO, FROM)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be before its end");
        assertThatThrownBy(() -> assessor.assess(incident(), FROM, FROM)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be before its end");
        assertThatThrownBy(() -> assessor.assess(incident(), FROM, FROM.plus(Duration.ofDays(367))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than 366 days");
        assertThatThrownBy(() -> assessor.assess(incident(), null, TO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a start");
        assertThat(new BreachWindow(FROM, FROM.plus(Duration.ofDays(366))).contains(FROM)).isTrue();
    }

    @Test
    void assessment_json_namesTheSameSubjectsAndRecipients() {
        releases();

        String json = hub.assessor().assess(incident(), FROM, TO).toJson();

        assertThat(json).contains("\"alice\"", "\"hank\"", "\"Shady Analytics\"", "\"erasedSubjects\" : 1")
                .doesNotContain("\"bob\"", "\"erin\"", "\"frank\"", "sealed:v1:");
        assertThat(List.of(json.split("\n"))).anyMatch(line -> line.contains("\"total\" : 7"));
    }
}
