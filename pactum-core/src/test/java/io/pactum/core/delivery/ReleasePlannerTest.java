package io.pactum.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.PrivacyTransformer;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.ConsentLedger;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import io.pactum.core.ingest.SharingPlan;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** From an accepted record to the outbox entries of its recipients, with the audit hand-off. */
class ReleasePlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pseudonymiser PSEUDONYMS = Pseudonymiser.fromKeysetJson(Pseudonymiser.generateKeysetJson());

    private final PolicyDecisionPoint pdp = new PolicyDecisionPoint(new ConsentLedger());
    private final ReleasePlanner planner = new ReleasePlanner(pdp, new PrivacyTransformer(PSEUDONYMS),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<AuditEvent> audit = new ArrayList<>();

    private List<OutboxEntry> plan(CanonicalRecord... records) {
        SharingPlan plan = planner.plan(List.of(records));
        audit.addAll(plan.audit());
        return plan.deliveries();
    }

    private List<AuditEvent> audited(AuditEventType type) {
        return audit.stream().filter(e -> e.type() == type).toList();
    }

    private static Agreement agreement(String id, String recipient, Map<String, FieldTransform> fields,
            ChronoUnit resolution, AgreementState state) {
        return new Agreement(id, recipient, Set.of("prod-glucose"), Set.of(), fields, Purpose.HEALTHCARE,
                LegalBasis.CONTRACT, NOW.minus(1, ChronoUnit.DAYS), null, 1000, resolution, List.of(), state,
                NOW.minus(2, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS));
    }

    private static CanonicalRecord reading() {
        return new CanonicalRecord("rec-1", "glucose-1", "prod-glucose", "subject-7", Channel.TELEMETRY,
                Instant.parse("2026-11-23T09:41:17.250Z"), NOW, List.of(
                        new FieldValue("glucose", FieldType.NUMBER, 5.43, "mmol/L", DataCategory.HEALTH),
                        new FieldValue("battery", FieldType.NUMBER, 87.0, "%", DataCategory.TECHNICAL)),
                new Provenance("mqtt", IntegrityMethod.NONE, null), false);
    }

    @Test
    void eachAllowedRecipientGetsItsOwnViewInItsOutbox() throws Exception {
        pdp.recompile(List.of(
                agreement("agr-care", "org-care", Map.of("glucose", FieldTransform.KEEP), null, AgreementState.ACTIVE),
                agreement("agr-lab", "org-lab", Map.of("glucose", FieldTransform.round(1), "battery", FieldTransform.DROP),
                        ChronoUnit.HOURS, AgreementState.ACTIVE)), Map.of());

        List<OutboxEntry> entries = plan(reading());

        assertThat(entries).extracting(OutboxEntry::recipientId).containsExactlyInAnyOrder("org-care", "org-lab");
        OutboxEntry lab = entries.stream().filter(e -> e.recipientId().equals("org-lab")).findFirst().orElseThrow();
        assertThat(lab.subjectId()).isEqualTo("subject-7");
        JsonNode body = JSON.readTree(new Delivery(9, lab).json());
        assertThat(body.get("eventId").asLong()).isEqualTo(9);
        assertThat(body.get("agreementId").asText()).isEqualTo("agr-lab");
        assertThat(body.get("purpose").asText()).isEqualTo(Purpose.HEALTHCARE.wireName());
        assertThat(body.get("channel").asText()).isEqualTo("telemetry");
        JsonNode record = body.get("record");
        assertThat(record.get("time").asText()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(record.get("fields")).hasSize(1);
        assertThat(record.get("fields").get(0).get("value").asDouble()).isEqualTo(5.0);
        assertThat(record.get("subjectPseudonym").asText()).isEqualTo(PSEUDONYMS.pseudonym("org-lab", "subject-7"));
        String text = lab.body();
        assertThat(text).doesNotContain("subject-7").doesNotContain("glucose-1").doesNotContain("rec-1")
                .doesNotContain("battery");

        // the subject's id travels only in the detail the ledger seals under the subject's key
        assertThat(audited(AuditEventType.DATA_RELEASED)).hasSize(2).allSatisfy(e -> {
            assertThat(e.details()).containsEntry("subjectId", "subject-7");
            Map<String, String> others = new TreeMap<>(e.details());
            others.remove("subjectId");
            assertThat(others.toString()).doesNotContain("subject-7");
        });
    }

    @Test
    void deniedAgreementsAreAuditedAndReleaseNothing() {
        pdp.recompile(List.of(agreement("agr-care", "org-care", Map.of("glucose", FieldTransform.KEEP), null,
                AgreementState.SUSPENDED)), Map.of());

        assertThat(plan(reading())).isEmpty();

        List<AuditEvent> denials = audited(AuditEventType.RELEASE_DENIED);
        assertThat(denials).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("agreementId", "agr-care").containsEntry("reason", "SUSPENDED");
        });
    }

    @Test
    void storedEntriesWakeTheirRecipientsOnce() {
        pdp.recompile(List.of(agreement("agr-care", "org-care", Map.of("glucose", FieldTransform.KEEP), null,
                AgreementState.ACTIVE)), Map.of());
        List<Set<String>> woken = new ArrayList<>();
        planner.useListener(woken::add);

        List<OutboxEntry> entries = plan(reading(), reading());
        planner.stored(entries);

        assertThat(entries).hasSize(2);
        assertThat(woken).containsExactly(Set.of("org-care"));
    }
}
