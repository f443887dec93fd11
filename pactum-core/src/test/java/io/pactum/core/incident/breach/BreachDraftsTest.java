package io.pactum.core.incident.breach;

import static io.pactum.core.incident.breach.BreachScenario.DETECTED;
import static io.pactum.core.incident.breach.BreachScenario.FROM;
import static io.pactum.core.incident.breach.BreachScenario.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.Severity;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.incident.TimelineEntry.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue #6: the Art. 33 draft holds every element of Art. 33(3); Art. 34 is drafted exactly when the risk is high. */
class BreachDraftsTest {
    private static final Instant IN = FROM.plus(Duration.ofMinutes(10));
    private static final String DPO = "Data Protection Officer, dpo@operator.example, +49 30 1234567";
    private static final Instant WITHIN_72H = DETECTED.plus(Duration.ofHours(71));

    private final BreachScenario hub = new BreachScenario();
    private final Incident incident = BreachScenario.incident("partner-exfiltration", Severity.HIGH,
            Set.of("dev-a"), Set.of("shady"), Set.of("carol"));

    @AfterEach
    void close() {
        hub.close();
    }

    private BreachAssessment healthBreach() {
        hub.release(IN, "dev-a", "p-glucose", "alice", "clinic", "glucose,battery");
        hub.release(IN, "dev-c", "p-steps", "dave", "shady", "steps");
        hub.release(IN, "dev-d", "p-steps", "carol", "insurer", "steps");
        hub.release(IN, "dev-a", "p-glucose", "gina", "research", "glucose");
        hub.release(IN, "dev-b", "p-glucose", "bob", "clinic", "glucose"); // out of scope
        hub.sealer.erase("gina");
        return hub.assessor().assess(incident, FROM, TO);
    }

    /** Quarantine taken then reversed; suspension standing; a credential revoked for subject carol. */
    private List<TimelineEntry> timeline() {
        return List.of(
                entry(1, 0, Kind.DETECTED, null, "dev-a", "detected"),
                entry(2, 10, Kind.ACTION_TAKEN, "quarantine-device", "dev-a", "quarantined"),
                entry(3, 20, Kind.ACTION_TAKEN, "suspend-organisation", "shady", "3 agreements suspended"),
                entry(4, 30, Kind.ACTION_REVERSED, "quarantine-device", "dev-a", "released"),
                entry(5, 40, Kind.ACTION_TAKEN, "revoke-credential", "carol", "token revoked"),
                entry(6, 50, Kind.NOTE, null, null, "called the partner"));
    }

    private static TimelineEntry entry(long seq, int minutes, Kind kind, String action, String target,
            String detail) {
        return new TimelineEntry("inc-1", seq, DETECTED.plus(Duration.ofMinutes(minutes)), "ops-client-7", kind, action,
                target, detail);
    }

    @Test
    void art33_holdsEveryElementOfArt33_3_andTheDeadline72HoursAfterDetection() throws Exception {
        Art33Notification draft = new BreachDrafts(DPO).art33(healthBreach(), incident, timeline(), WITHIN_72H);

        assertThat(draft.becameAwareAt()).isEqualTo(DETECTED);
        assertThat(draft.deadline()).isEqualTo(DETECTED.plus(Duration.ofHours(72)));
        assertThat(draft.overdue()).isFalse();
        assertThat(draft.reasonsForDelay()).isNull();
        assertThat(draft.missing()).isEmpty();
        Art33Notification.Nature nature = draft.nature();
        assertThat(nature.description()).contains("exfiltration", "4 record(s)", "4 recipient organisation(s)");
        assertThat(nature.dataSubjectCategories()).containsExactly(
                "users of devices of product Glucose One (firmware 1.0) [p-glucose]",
                "users of devices of product Step Two (firmware 1.0) [p-steps]");
        assertThat(nature.approximateDataSubjects()).isEqualTo(4); // alice, carol, dave, and gina erased
        assertThat(nature.dataSubjectsNote()).contains("3 named", "1 more whose data the hub has erased");
        assertThat(nature.personalDataCategories()).containsExactly("health", "behavioural");
        assertThat(nature.approximateRecords()).isEqualTo(4);
        assertThat(nature.recipients()).containsExactly("City Clinic (clinic): 1 record(s)",
                "Acme Insurance (insurer): 1 record(s)", "Uni Lab (research): 1 record(s)",
                "Shady Analytics (shady): 1 record(s)");
        assertThat(nature.devicesInvolved()).isEqualTo(3);
        assertThat(draft.contactPoint()).isEqualTo(DPO);
        assertThat(draft.likelyConsequences()).hasSize(3).allSatisfy(c -> assertThat(c).isNotBlank())
                .anySatisfy(c -> assertThat(c).contains("health"));
        assertThat(draft.measuresTaken()).extracting(MeasureTaken::action, MeasureTaken::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("suspend-organisation", "shady"),
                        org.assertj.core.groups.Tuple.tuple("revoke-credential", MeasureTaken.A_DATA_SUBJECT));
        assertThat(draft.measuresTaken().get(0).at()).isEqualTo(DETECTED.plus(Duration.ofMinutes(20)));
        assertThat(draft.measuresProposed()).isNotEmpty()
                .anySatisfy(m -> assertThat(m).contains("Suspend the organisation's agreements"))
                .anySatisfy(m -> assertThat(m).contains("Art. 34"));
        assertThat(draft.riskLevel()).isEqualTo(RiskLevel.HIGH);

        JsonNode json = JsonMapper.builder().build().readTree(draft.toJson());
        for (String field : List.of("incidentId", "becameAwareAt", "deadline", "contactPoint")) {
            assertThat(json.path(field).asText()).as(field).isNotBlank();
        }
        for (String field : List.of("description", "dataSubjectCategories", "approximateDataSubjects",
                "personalDataCategories", "approximateRecords")) {
            JsonNode value = json.path("nature").path(field);
            assertThat(value.isContainerNode() ? value.size() > 0 : !value.asText().isBlank()).as(field).isTrue();
        }
        for (String field : List.of("likelyConsequences", "measuresTaken", "measuresProposed")) {
            assertThat(json.path(field).size()).as(field).isPositive();
        }
        assertThat(json.path("deadline").asText()).isEqualTo("2026-03-04T10:40:00Z");
        assertThat(json.path("risk").path("level").asText()).isEqualTo("high");
        // the authority is told numbers and categories, never who
        assertThat(draft.toJson()).doesNotContain("alice", "carol", "dave", "gina");
        assertThat(draft.toMarkdown()).contains("## (a) Nature of the breach", "## (b) Contact point", DPO,
                "## (c) Likely consequences", "## (d) Measures taken", "## (d) Measures proposed",
                "Deadline (72 hours later): 2026-03-04T10:40:00Z").doesNotContain("alice", "carol");
    }

    @Test
    void art33_afterTheDeadline_isOverdue_andAsksForTheReasonsForDelay() {
        Instant late = DETECTED.plus(Duration.ofHours(72)).plusSeconds(1);

        Art33Notification draft = new BreachDrafts(DPO).art33(healthBreach(), incident, timeline(), late);

        assertThat(draft.overdue()).isTrue();
        assertThat(draft.reasonsForDelay()).startsWith(Art33Notification.TO_BE_FILLED_IN).contains("Art. 33(1)");
        assertThat(draft.missing()).containsExactly("reasonsForDelay");
        assertThat(new BreachDrafts(DPO).art33(healthBreach(), incident, timeline(),
                DETECTED.plus(Duration.ofHours(72))).overdue()).as("at the deadline itself").isFalse();
    }

    @Test
    void art33_withoutAConfiguredContact_saysItMustBeFilledIn() {
        Art33Notification draft = new BreachDrafts("  ").art33(healthBreach(), incident, timeline(), WITHIN_72H);

        assertThat(draft.contactPoint()).startsWith(Art33Notification.TO_BE_FILLED_IN).contains("Art. 33(3)(b)");
        assertThat(draft.missing()).containsExactly("contactPoint");
        assertThat(draft.toMarkdown()).contains("**To fill in before sending:** contactPoint");
    }

    @Test
    void art34_forHealthData_isRequired_forExactlyTheSubjectsWhoseHealthDataWasReleased() {
        Art34Communication draft = new BreachDrafts(DPO).art34(healthBreach(), incident, timeline(), WITHIN_72H);

        assertThat(draft.required()).isTrue();
        assertThat(draft.reason()).contains("health data is a special category");
        assertThat(draft.subjectIds()).containsExactly("alice");
        assertThat(draft.erasedSubjects()).isEqualTo(1);
        assertThat(draft.nature()).contains("health").isNotBlank();
        assertThat(draft.contactPoint()).isEqualTo(DPO);
        assertThat(draft.likelyConsequences()).isNotEmpty();
        assertThat(draft.measuresTaken()).hasSize(2);
        assertThat(draft.measuresProposed()).isNotEmpty().noneSatisfy(m -> assertThat(m).contains("Art. 34"));
        assertThat(draft.toMarkdown()).contains("## What happened", "## What this may mean for you",
                "## What we have done", "## Whom to contact", "alice", "Art. 34(3)(c)");
        assertThat(draft.toJson()).contains("\"required\" : true", "\"alice\"");
    }

    @Test
    void art34_forBehaviouralDataOnly_isNotRequired_andSaysWhy() {
        hub.release(IN, "dev-c", "p-steps", "dave", "shady", "steps,battery");
        BreachAssessment assessment = hub.assessor().assess(incident, FROM, TO);

        BreachRisk risk = BreachRisk.of(assessment, incident);
        Art34Communication draft = new BreachDrafts(DPO).art34(assessment, incident, timeline(), WITHIN_72H);

        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.reasons()).singleElement().satisfies(r -> assertThat(r).contains("behavioural"));
        assertThat(draft.required()).isFalse();
        assertThat(draft.reason()).contains("No communication to the data subjects is required");
        assertThat(draft.subjectIds()).isEmpty();
        assertThat(draft.toMarkdown()).contains("**Not required.**").doesNotContain("dave");
        assertThat(new BreachDrafts(DPO).art33(assessment, incident, timeline(), WITHIN_72H).riskLevel())
                .isEqualTo(RiskLevel.LOW);
    }

    @Test
    void risk_isHighForEveryNamedSubject_whenSomeCategoryIsUnknown_orTheIncidentCritical() {
        hub.release(IN, "dev-c", "p-steps", "dave", "shady", "steps");
        Incident critical = BreachScenario.incident("replay", Severity.CRITICAL, Set.of(), Set.of("shady"), Set.of());
        BreachRisk criticalRisk = BreachRisk.of(hub.assessor().assess(critical, FROM, TO), critical);
        hub.release(IN, "dev-c", "p-steps", "erin", "shady", "mystery");
        BreachRisk unknownRisk = BreachRisk.of(hub.assessor().assess(incident, FROM, TO), incident);

        assertThat(criticalRisk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(criticalRisk.subjectsAtHighRisk()).containsExactly("dave");
        assertThat(unknownRisk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(unknownRisk.reasons()).singleElement().satisfies(r -> assertThat(r).contains("cannot be"));
        assertThat(unknownRisk.subjectsAtHighRisk()).containsExactly("dave", "erin");
    }

    @Test
    void risk_withNoReleaseInScope_isLow() {
        Incident quiet = BreachScenario.incident("message-flood", Severity.HIGH, Set.of("dev-z"), Set.of(), Set.of());

        BreachAssessment assessment = hub.assessor().assess(quiet, FROM, TO);
        Art33Notification draft = new BreachDrafts(DPO).art33(assessment, quiet, List.of(), WITHIN_72H);

        assertThat(BreachRisk.of(assessment, quiet).level()).isEqualTo(RiskLevel.LOW);
        assertThat(draft.nature().approximateRecords()).isZero();
        assertThat(draft.measuresTaken()).isEmpty();
        assertThat(draft.likelyConsequences()).anySatisfy(c -> assertThat(c).contains("no release"));
        assertThat(draft.toMarkdown()).contains("none recorded on the incident's timeline yet");
    }

    @Test
    void drafts_refuseAnAssessmentOfAnotherIncident() {
        BreachAssessment assessment = hub.assessor().assess(incident, FROM, TO);
        Incident other = new Incident("inc-2", "replay", "dev-a", "other", Severity.LOW,
                io.pactum.core.incident.IncidentStatus.OPEN, DETECTED, DETECTED, null, null, Set.of(), Set.of(),
                Set.of(), List.of(), 0, null, 1);

        assertThatThrownBy(() -> new BreachDrafts(DPO).art33(assessment, other, List.of(), WITHIN_72H))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'inc-1', not of 'inc-2'");
        assertThatThrownBy(() -> new BreachDrafts(DPO).art34(assessment, null, List.of(), WITHIN_72H))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs both");
    }
}
