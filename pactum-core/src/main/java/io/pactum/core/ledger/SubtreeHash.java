package io.pactum.core.ledger;

import io.pactum.core.ledger.merkle.Hash;
import java.util.Objects;

/**
 * The hash of a complete subtree: the 2^level leaves from {@code start} (a multiple of 2^level). The
 * ledger keeps some of them so that roots and proofs of a long log cost O(log n) lookups.
 */
public record SubtreeHash(long start, int level, Hash hash) {
    public SubtreeHash {
        if (level < 1 || level > 62 || start < 0 || (start & ((1L << level) - 1)) != 0) {
            throw new IllegalArgumentException("a complete subtree starts at a multiple of 2^level, level 1 to 62");
        }
        Objects.requireNonNull(hash, "hash");
    }
}
