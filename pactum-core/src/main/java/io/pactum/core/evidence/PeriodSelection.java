package io.pactum.core.evidence;

import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.registry.Product;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.ConsentReceipt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which agreements, consents and products a period's evidence covers. */
public final class PeriodSelection {
    /** The ledger detail of a {@code product.approval} entry that names the state decided. */
    static final Set<String> ADMITTING_STATES = Set.of("approved", "conditionally_approved");

    private PeriodSelection() {}

    /**
     * Agreements in force at some time during the period: created before it ends, valid during it,
     * and not revoked before it began. Suspended ones count: they may be active again within it.
     */
    public static List<Agreement> agreementsInForce(List<Agreement> all, EvidencePeriod period) {
        return all.stream()
                .filter(a -> a.createdAt().isBefore(period.to()))
                .filter(a -> period.overlaps(a.validFrom(), a.validUntil()))
                .filter(a -> !(a.state() == AgreementState.REVOKED && a.updatedAt().isBefore(period.from())))
                .toList();
    }

    /** Consent receipts that stood during the period, and those recorded within it (withdrawals included). */
    public record Consents(List<ConsentReceipt> inForce, List<ConsentReceipt> changedInPeriod) {
        public Consents {
            inForce = List.copyOf(inForce);
            changedInPeriod = List.copyOf(changedInPeriod);
        }
    }

    /**
     * A receipt giving consent stands from its time until the next receipt for the same subject,
     * recipient and purpose; it was in force if that span meets the period. {@code receipts} in the
     * order appended.
     */
    public static Consents consents(List<ConsentReceipt> receipts, EvidencePeriod period) {
        Map<String, ConsentReceipt> latest = new HashMap<>();
        List<ConsentReceipt> inForce = new ArrayList<>();
        List<ConsentReceipt> changed = new ArrayList<>();
        for (ConsentReceipt receipt : receipts) {
            ConsentReceipt previous = latest.put(key(receipt), receipt);
            if (previous != null && previous.given() && period.overlaps(previous.timestamp(), receipt.timestamp())) {
                inForce.add(previous);
            }
            if (period.contains(receipt.timestamp())) {
                changed.add(receipt);
            }
        }
        for (ConsentReceipt last : latest.values()) {
            if (last.given() && period.overlaps(last.timestamp(), null)) {
                inForce.add(last);
            }
        }
        inForce.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        return new Consents(inForce, changed);
    }

    /**
     * Products approved during or before the period: admitted now and decided before it ended, or
     * with a {@code product.approval} entry before its end that admitted them. {@code approvalEntries}
     * are the ledger's {@code product.approval} entries before the period ends.
     */
    public static List<Product> approvedProducts(List<Product> products, List<LedgerEntry> approvalEntries,
            EvidencePeriod period) {
        Set<String> admittedInLedger = new HashSet<>();
        for (LedgerEntry entry : approvalEntries) {
            String state = entry.details().getOrDefault("state", "").toLowerCase(Locale.ROOT);
            if (entry.time().isBefore(period.to()) && ADMITTING_STATES.contains(state)) {
                admittedInLedger.add(entry.details().getOrDefault("productId", ""));
            }
        }
        return products.stream()
                .filter(p -> admittedInLedger.contains(p.id())
                        || (p.approvalState().admitsDevices() && p.updatedAt().isBefore(period.to())))
                .toList();
    }

    private static String key(ConsentReceipt receipt) {
        return receipt.subjectId() + "\u0000" + receipt.recipientId() + "\u0000" + receipt.purpose().name();
    }
}
