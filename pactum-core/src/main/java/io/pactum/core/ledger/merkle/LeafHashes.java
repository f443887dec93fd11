package io.pactum.core.ledger.merkle;

/**
 * The leaf hashes of a log, in order: what {@link MerkleTree} computes over. A store implements it;
 * one that keeps the hashes of complete subtrees should override {@link #subtree} so that tree heads
 * and proofs cost O(log n) lookups instead of O(n) hashing.
 */
public interface LeafHashes {
    /** How many leaves there are. */
    long size();

    /** The hash of leaf {@code index}, {@code 0 <= index < size()}. */
    Hash leaf(long index);

    /**
     * The hash of the complete subtree of 2<sup>level</sup> leaves that starts at leaf {@code start}.
     * {@code start} must be a multiple of 2<sup>level</sup> and the subtree must lie within
     * {@link #size()}. Level 0 is the leaf itself.
     *
     * <p>This default hashes all 2<sup>level</sup> leaves, O(2<sup>level</sup>); a store that keeps
     * or caches complete subtree hashes answers in O(1). A complete subtree never changes once its
     * last leaf is appended, so such a cache never needs invalidating.
     */
    default Hash subtree(long start, int level) {
        Subtrees.checkComplete(start, level, size());
        if (level == 0) {
            return leaf(start);
        }
        long half = 1L << (level - 1);
        return MerkleHash.node(subtree(start, level - 1), subtree(start + half, level - 1));
    }
}
