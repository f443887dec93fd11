package io.pactum.core.ledger.proof;

import io.pactum.core.ledger.LedgerEntry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking a proof document: valid or not, a one-line reason that names the part that
 * failed (e.g. {@code "checkpoint: ..."}, {@code "auditPath: ..."}), and for a valid inclusion proof
 * the entry it proves. A bad proof is an expected answer, so it is a value, not an exception.
 */
public record ProofCheckResult(boolean valid, String reason, @Nullable LedgerEntry entry) {
    public ProofCheckResult {
        Objects.requireNonNull(reason, "reason");
        // One line, whatever a message from below holds, so a CLI can print it as is.
        reason = reason.replace('\n', ' ').replace('\r', ' ');
        if (!valid && entry != null) {
            throw new IllegalArgumentException("an entry is only returned once its proof is valid");
        }
    }

    static ProofCheckResult passed(String reason, @Nullable LedgerEntry entry) {
        return new ProofCheckResult(true, reason, entry);
    }

    static ProofCheckResult failed(String reason) {
        return new ProofCheckResult(false, reason, null);
    }
}
