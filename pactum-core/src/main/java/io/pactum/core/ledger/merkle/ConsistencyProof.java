package io.pactum.core.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Verifies consistency proofs with the algorithm of RFC 9162 §2.1.4.2. */
public final class ConsistencyProof {
    private ConsistencyProof() {
    }

    /**
     * Checks that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of
     * {@code size2} leaves with root {@code root2}. Equal sizes need an empty proof and equal roots
     * (the empty tree's root for size 0); a proof from the empty tree is rejected, as it proves nothing.
     */
    public static Verification verify(long size1, long size2, List<Hash> proof, Hash root1, Hash root2) {
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        List<Hash> path = List.copyOf(proof);
        if (size1 < 0 || size1 > size2) {
            return Verification.rejected(ProofFailure.SIZES_OUT_OF_RANGE,
                    "size1 " + size1 + " is not within 0.." + size2);
        }
        if (size1 == size2) {
            return verifySameSize(size1, path, root1, root2);
        }
        if (size1 == 0) {
            return Verification.rejected(ProofFailure.SIZES_OUT_OF_RANGE,
                    "every tree extends the empty tree; there is no proof from size 0");
        }
        if (path.isEmpty()) {
            return Verification.rejected(ProofFailure.PROOF_TOO_SHORT, "proof is empty");
        }
        List<Hash> nodes = new ArrayList<>(path.size() + 1);
        // When the old tree is a complete subtree, its root is the starting node and is not sent.
        if (Subtrees.isPowerOfTwo(size1)) {
            nodes.add(root1);
        }
        nodes.addAll(path);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Hash fr = nodes.get(0);
        Hash sr = nodes.get(0);
        for (Hash c : nodes.subList(1, nodes.size())) {
            if (sn == 0) {
                return Verification.rejected(ProofFailure.PROOF_TOO_LONG,
                        "proof has " + path.size() + " nodes, more than " + size1 + " → " + size2 + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Nodes right of the old tree's edge belong to the new tree only.
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return Verification.rejected(ProofFailure.PROOF_TOO_SHORT,
                    "proof has " + path.size() + " nodes, fewer than " + size1 + " → " + size2 + " needs");
        }
        if (!fr.equals(root1)) {
            return Verification.rejected(ProofFailure.OLD_ROOT_MISMATCH,
                    "proof leads to old root " + fr + ", not the claimed " + root1);
        }
        if (!sr.equals(root2)) {
            return Verification.rejected(ProofFailure.ROOT_MISMATCH,
                    "proof leads to new root " + sr + ", not the claimed " + root2);
        }
        return Verification.valid();
    }

    private static Verification verifySameSize(long size, List<Hash> path, Hash root1, Hash root2) {
        if (!path.isEmpty()) {
            return Verification.rejected(ProofFailure.PROOF_TOO_LONG,
                    "trees of equal size " + size + " need an empty proof, got " + path.size() + " nodes");
        }
        if (!root1.equals(root2)) {
            return Verification.rejected(ProofFailure.ROOT_MISMATCH,
                    "trees of equal size " + size + " have different roots " + root1 + " and " + root2);
        }
        if (size == 0 && !root1.equals(MerkleHash.EMPTY_TREE)) {
            return Verification.rejected(ProofFailure.ROOT_MISMATCH,
                    "the empty tree's root is " + MerkleHash.EMPTY_TREE + ", not " + root1);
        }
        return Verification.valid();
    }
}
