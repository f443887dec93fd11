package io.pactum.core.ledger;

/**
 * Which complete-subtree hashes the ledger keeps: those whose level is a positive multiple of
 * {@link #LEVEL_STEP}. That is one row per 255 entries, and any other subtree is computed from at
 * most 2^7 kept hashes or leaves, read in one query, so tree heads and proofs stay O(log n) queries.
 */
public final class KeptSubtrees {
    public static final int LEVEL_STEP = 8;

    private KeptSubtrees() {}

    public static boolean isKept(int level) {
        return level > 0 && level % LEVEL_STEP == 0;
    }

    /** The highest kept level strictly below {@code level}, or 0 (the leaves). */
    public static int keptBelow(int level) {
        return ((level - 1) / LEVEL_STEP) * LEVEL_STEP;
    }
}
