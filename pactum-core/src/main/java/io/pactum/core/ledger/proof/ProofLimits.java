package io.pactum.core.ledger.proof;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.merkle.Hash;
import java.util.List;
import java.util.Objects;

/** Bounds shared by both proof documents, so a hostile document cannot make a checker work without end. */
final class ProofLimits {
    /**
     * Longest path a tree of at most 2^63 - 1 entries needs: an inclusion path has one node per level
     * (63), a consistency path at most one more.
     */
    static final int MAX_PATH = 64;

    private ProofLimits() {}

    static void requireOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new InvalidInputException("origin", "origin must be one non-empty line");
        }
    }

    static List<Hash> requirePath(List<Hash> path, String field) {
        List<Hash> copy = List.copyOf(path);
        if (copy.size() > MAX_PATH) {
            throw new InvalidInputException(field, "a path has at most " + MAX_PATH + " hashes, got " + copy.size());
        }
        return copy;
    }
}
