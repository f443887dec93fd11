package io.pactum.core.evidence;

import static io.pactum.core.evidence.EvidenceFixtures.YEAR;
import static io.pactum.core.evidence.EvidenceFixtures.at;
import static io.pactum.core.evidence.EvidenceFixtures.glucoseMeter;
import static io.pactum.core.evidence.EvidenceFixtures.receipt;
import static io.pactum.core.evidence.EvidenceFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.Product;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.ConsentAction;
import io.pactum.core.sharing.ConsentReceipt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodSelectionTest {

    @Test
    void period_mustStartBeforeItEnds() {
        Instant t = at("2026-03-01T00:00:00Z");
        assertThatThrownBy(() -> new EvidencePeriod(t, t)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("before");
        assertThatThrownBy(() -> new EvidencePeriod(t.plusSeconds(1), t)).isInstanceOf(InvalidInputException.class);
        assertThat(YEAR.contains(YEAR.from())).isTrue();
        assertThat(YEAR.contains(YEAR.to())).as("the end is exclusive").isFalse();
    }

    @Test
    void agreementsInForce_areThoseWhoseValidityMeetsThePeriod_andNotRevokedBeforeIt() {
        Agreement before = span("before", at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"));
        Agreement overlapsStart = span("overlaps-start", at("2025-06-01T00:00:00Z"), at("2026-02-01T00:00:00Z"));
        Agreement openEnded = span("open-ended", at("2025-06-01T00:00:00Z"), null);
        Agreement after = span("after", at("2027-01-01T00:00:00Z"), null);
        Agreement revokedBefore = span("revoked-before", at("2025-06-01T00:00:00Z"), null)
                .withState(AgreementState.REVOKED, at("2025-12-31T00:00:00Z"));
        Agreement revokedDuring = span("revoked-during", at("2025-06-01T00:00:00Z"), null)
                .withState(AgreementState.REVOKED, at("2026-05-01T00:00:00Z"));
        Agreement suspended = span("suspended", at("2026-03-01T00:00:00Z"), null)
                .withState(AgreementState.SUSPENDED, at("2026-04-01T00:00:00Z"));

        List<Agreement> selected = PeriodSelection.agreementsInForce(
                List.of(before, overlapsStart, openEnded, after, revokedBefore, revokedDuring, suspended), YEAR);

        assertThat(selected).extracting(Agreement::id)
                .containsExactly("overlaps-start", "open-ended", "revoked-during", "suspended");
    }

    @Test
    void consentsInForce_standFromTheirReceiptUntilTheNextForTheSameSubject() {
        List<ConsentReceipt> receipts = List.of(
                receipt("r1", "alice", ConsentAction.GIVEN, at("2025-05-01T00:00:00Z")),       // stands into the period
                receipt("r2", "bob", ConsentAction.GIVEN, at("2025-05-01T00:00:00Z")),
                receipt("r3", "bob", ConsentAction.WITHDRAWN, at("2025-09-01T00:00:00Z")),     // bob: over before
                receipt("r4", "carol", ConsentAction.GIVEN, at("2026-02-01T00:00:00Z")),
                receipt("r5", "carol", ConsentAction.WITHDRAWN, at("2026-03-01T00:00:00Z")),   // carol: within
                receipt("r6", "dave", ConsentAction.GIVEN, at("2027-02-01T00:00:00Z")));       // after the period

        PeriodSelection.Consents consents = PeriodSelection.consents(receipts, YEAR);

        assertThat(consents.inForce()).extracting(ConsentReceipt::receiptId).containsExactly("r1", "r4");
        assertThat(consents.changedInPeriod()).extracting(ConsentReceipt::receiptId).containsExactly("r4", "r5");
    }

    @Test
    void approvedProducts_includeThoseAdmittedBeforeTheEnd_evenIfSuspendedSince() {
        Product approved = glucoseMeter("p1", "acme", ApprovalState.APPROVED, at("2025-07-01T00:00:00Z"));
        Product approvedLater = glucoseMeter("p2", "acme", ApprovalState.APPROVED, at("2027-03-01T00:00:00Z"));
        Product suspendedSince = glucoseMeter("p3", "acme", ApprovalState.SUSPENDED, at("2027-03-01T00:00:00Z"));
        Product pending = glucoseMeter("p4", "acme", ApprovalState.PENDING, at("2025-07-01T00:00:00Z"));
        List<LedgerEntry> decisions = List.of(approval(0, "p3", "approved", at("2026-06-01T00:00:00Z")),
                approval(1, "p3", "suspended", at("2027-03-01T00:00:00Z")));

        assertThat(PeriodSelection.approvedProducts(List.of(approved, approvedLater, suspendedSince, pending),
                decisions, YEAR)).extracting(Product::id).containsExactly("p1", "p3");
    }

    private static LedgerEntry approval(long index, String productId, String state, Instant at) {
        return LedgerEntry.of(index, new AuditEvent(AuditEventType.REGISTRY_CHANGED, at, "admin",
                Map.of("action", "product.approval", "productId", productId, "state", state)));
    }
}
