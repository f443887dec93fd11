package io.pactum.core.ledger.proof;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.merkle.Hash;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * That the ledger's tree of {@code fromSize} entries (root {@code fromRootHash}) is a prefix of its
 * tree of {@code toSize} entries (root {@code toRootHash}): the RFC 9162 consistency path, and the
 * signed checkpoint notes for both sizes when the hub has them.
 */
public record ConsistencyProofDocument(
        String origin,
        long fromSize,
        long toSize,
        Hash fromRootHash,
        Hash toRootHash,
        List<Hash> path,
        @Nullable String fromCheckpoint,
        @Nullable String toCheckpoint) implements ProofDocument {

    public ConsistencyProofDocument {
        ProofLimits.requireOrigin(origin);
        // Every tree extends the empty one, so a proof from size 0 would prove nothing.
        if (fromSize < 1) {
            throw new InvalidInputException("fromSize", "from size must be at least 1, got " + fromSize);
        }
        if (toSize < fromSize) {
            throw new InvalidInputException("toSize", "to size " + toSize + " is smaller than from size " + fromSize);
        }
        Objects.requireNonNull(fromRootHash, "fromRootHash");
        Objects.requireNonNull(toRootHash, "toRootHash");
        path = ProofLimits.requirePath(path, "path");
    }
}
