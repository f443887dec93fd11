package io.pactum.core.ledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.MemoryLedgerStore;
import io.pactum.core.security.TinkSecretBox;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Who received my data?", answered from the ledger, and no longer answerable after erasure. */
class SubjectDisclosuresTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    private final SubjectSealer sealer = new SubjectSealer(new InMemorySubjectKeyStore(),
            TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()));

    private static AuditEvent release(String subjectId, String recipient, String fields) {
        return new AuditEvent(AuditEventType.DATA_RELEASED, AT, AuditEvent.HUB, Map.of("subjectId", subjectId,
                "recipientId", recipient, "agreementId", "agr-" + recipient, "purpose", "healthcare", "fields", fields));
    }

    @Test
    void listsExactlyTheSubjectsReleases_andNothingOnceTheKeyIsErased() {
        try (Ledger ledger = Ledger.open(new MemoryLedgerStore(), sealer, 16)) {
            ledger.append(release("patient-1", "clinic", "glucose"));
            ledger.append(release("patient-2", "clinic", "glucose"));
            ledger.append(new AuditEvent(AuditEventType.RELEASE_DENIED, AT, AuditEvent.HUB,
                    Map.of("subjectId", "patient-1", "recipientId", "lab")));
            for (int i = 0; i < 2_500; i++) { // more than a page of other entries in between
                ledger.append(new AuditEvent(AuditEventType.SECURITY_SIGNAL, AT, AuditEvent.HUB, Map.of("n", "" + i)));
            }
            ledger.append(release("patient-1", "analytics", "glucose,battery"));
            SubjectDisclosures disclosures = new SubjectDisclosures(ledger, sealer);

            assertThat(disclosures.of("patient-1"))
                    .extracting(Disclosure::entryIndex, Disclosure::recipientId, Disclosure::fields)
                    .containsExactly(tuple(0L, "clinic", "glucose"),
                            tuple(2503L, "analytics", "glucose,battery"));
            assertThat(disclosures.of("patient-2")).singleElement()
                    .satisfies(d -> assertThat(d.agreementId()).isEqualTo("agr-clinic"));
            assertThat(disclosures.of("nobody")).isEmpty();

            sealer.erase("patient-1");
            assertThat(disclosures.of("patient-1")).isEmpty();
            assertThat(disclosures.of("patient-2")).hasSize(1);
        }
    }
}
