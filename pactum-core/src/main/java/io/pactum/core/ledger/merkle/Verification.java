package io.pactum.core.ledger.merkle;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking a Merkle proof: valid, or rejected with a {@link ProofFailure} code and a
 * human-readable reason. A bad proof is an expected answer from an untrusted party, so it is a value
 * rather than an exception.
 */
public record Verification(@Nullable ProofFailure failure, String reason) {
    private static final Verification VALID = new Verification(null, "valid");

    public Verification {
        Objects.requireNonNull(reason, "reason");
    }

    public static Verification valid() {
        return VALID;
    }

    public static Verification rejected(ProofFailure failure, String reason) {
        return new Verification(Objects.requireNonNull(failure, "failure"), reason);
    }

    public boolean isValid() {
        return failure == null;
    }
}
