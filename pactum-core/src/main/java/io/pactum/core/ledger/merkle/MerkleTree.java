package io.pactum.core.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tree heads and proofs of RFC 9162 over the first leaves of a {@link LeafHashes}: the Merkle tree
 * hash (§2.1.1), inclusion proofs (§2.1.3.1) and consistency proofs (§2.1.4.1). Proof nodes are
 * ordered from the leaf (or old tree) upwards, as the RFC's recursive definitions produce them.
 *
 * <p>Cost: every range the RFC recursion visits is either a complete subtree, fetched with one
 * {@link LeafHashes#subtree} call, or the right-hand edge of the tree, split in two at a power of
 * two. A tree head or a proof therefore needs O(log n) {@code subtree} calls and O(log n) node
 * hashes (at most about 3·log2 n of each). With a store that answers {@code subtree} in O(1) — such
 * as {@link InMemoryLeafHashes} — that is O(log n) in all, e.g. a few dozen hashes for a
 * 10-million-entry log; with the default {@code subtree} it degrades to O(n).
 */
public final class MerkleTree {
    private final LeafHashes leaves;

    public MerkleTree(LeafHashes leaves) {
        this.leaves = Objects.requireNonNull(leaves, "leaves");
    }

    /** MTH of the first {@code size} leaves; {@link MerkleHash#EMPTY_TREE} for size 0. */
    public Hash rootHash(long size) {
        checkSize(size);
        return size == 0 ? MerkleHash.EMPTY_TREE : rangeHash(0, size);
    }

    /** PATH(index, D[size]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public List<Hash> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<Hash> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return List.copyOf(proof);
    }

    /**
     * PROOF(size1, D[size2]): shows that the tree of {@code size1} leaves is a prefix of the tree of
     * {@code size2}. Empty when the sizes are equal. RFC 9162 defines no proof from the empty tree
     * (every tree extends it), so {@code size1} must be positive unless both sizes are 0.
     */
    public List<Hash> consistencyProof(long size1, long size2) {
        checkSize(size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("size1 " + size1 + " is not within 0.." + size2);
        }
        if (size1 == size2) {
            return List.of();
        }
        if (size1 == 0) {
            throw new IllegalArgumentException("there is no consistency proof from the empty tree");
        }
        List<Hash> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, proof);
        return List.copyOf(proof);
    }

    /** The RFC's PATH recursion over D[start : start+n]. */
    private void path(long index, long start, long n, List<Hash> proof) {
        if (n == 1) {
            return;
        }
        long k = Subtrees.splitPoint(n);
        if (index < k) {
            path(index, start, k, proof);
            proof.add(rangeHash(start + k, n - k));
        } else {
            path(index - k, start + k, n - k, proof);
            proof.add(rangeHash(start, k));
        }
    }

    /**
     * The RFC's SUBPROOF recursion over D[start : start+n]; {@code wholeOldTree} is its flag b, true
     * while this range's left edge is the old tree's root, whose hash the verifier already has.
     */
    private void subproof(long m, long start, long n, boolean wholeOldTree, List<Hash> proof) {
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(rangeHash(start, n));
            }
            return;
        }
        long k = Subtrees.splitPoint(n);
        if (m <= k) {
            subproof(m, start, k, wholeOldTree, proof);
            proof.add(rangeHash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(rangeHash(start, k));
        }
    }

    /** MTH(D[start : start+n]) for n ≥ 1, using stored complete subtrees wherever the range is one. */
    private Hash rangeHash(long start, long n) {
        if (Subtrees.isPowerOfTwo(n) && (start & (n - 1)) == 0) {
            return leaves.subtree(start, Subtrees.level(n));
        }
        long k = Subtrees.splitPoint(n);
        return MerkleHash.node(rangeHash(start, k), rangeHash(start + k, n - k));
    }

    private void checkSize(long size) {
        long available = leaves.size();
        if (size < 0 || size > available) {
            throw new IllegalArgumentException("tree size " + size + " is not within 0.." + available);
        }
    }
}
