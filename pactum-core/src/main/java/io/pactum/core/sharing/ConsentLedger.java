package io.pactum.core.sharing;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where consent stands: the latest receipt per (subject, recipient, purpose), in memory and
 * thread-safe. Receipts are fed in the order they were recorded (the store keeps them all); a receipt
 * older than the one already held is ignored, so replaying the log at start-up and live changes
 * cannot undo a later change. A change is visible to the very next decision.
 */
public final class ConsentLedger {
    private record Key(String subjectId, String recipientId, Purpose purpose) {}

    private final ConcurrentMap<Key, ConsentReceipt> latest = new ConcurrentHashMap<>();

    /**
     * Applies a receipt. Returns whether it became the latest for its (subject, recipient, purpose);
     * among receipts with the same timestamp the one applied last wins.
     */
    public boolean apply(ConsentReceipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        Key key = new Key(receipt.subjectId(), receipt.recipientId(), receipt.purpose());
        ConsentReceipt held = latest.merge(key, receipt,
                (current, next) -> next.timestamp().isBefore(current.timestamp()) ? current : next);
        return held == receipt;
    }

    /** Applies receipts in the given order, e.g. the stored log at start-up. */
    public void applyAll(Collection<ConsentReceipt> receipts) {
        receipts.forEach(this::apply);
    }

    /** The latest receipt for the triple, whether it gave or withdrew consent. */
    public Optional<ConsentReceipt> latest(String subjectId, String recipientId, Purpose purpose) {
        return Optional.ofNullable(latest.get(new Key(subjectId, recipientId, purpose)));
    }

    /** Whether consent stands: the latest receipt for the triple gave it. */
    public boolean stands(String subjectId, String recipientId, Purpose purpose) {
        ConsentReceipt receipt = latest.get(new Key(subjectId, recipientId, purpose));
        return receipt != null && receipt.given();
    }
}
