package io.pactum.core.ledger.merkle;

import java.util.List;
import java.util.Objects;

/** Verifies inclusion proofs with the algorithm of RFC 9162 §2.1.3.2. */
public final class InclusionProof {
    private InclusionProof() {
    }

    /**
     * Checks that {@code leafHash} is leaf {@code index} of the tree of {@code treeSize} leaves whose
     * root is {@code root}, given the audit path {@code proof} (ordered from the leaf upwards).
     */
    public static Verification verify(Hash leafHash, long index, long treeSize, List<Hash> proof, Hash root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        List<Hash> path = List.copyOf(proof);
        if (index < 0 || index >= treeSize) {
            return Verification.rejected(ProofFailure.SIZES_OUT_OF_RANGE,
                    "leaf index " + index + " is not within a tree of " + treeSize);
        }
        // fn walks the leaf's position up the tree, sn the last leaf's; they meet at the root.
        long fn = index;
        long sn = treeSize - 1;
        Hash r = leafHash;
        for (Hash p : path) {
            if (sn == 0) {
                return Verification.rejected(ProofFailure.PROOF_TOO_LONG,
                        "proof has " + path.size() + " nodes, more than a tree of " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                // A right-edge node with no right sibling is promoted: skip those levels.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return Verification.rejected(ProofFailure.PROOF_TOO_SHORT,
                    "proof has " + path.size() + " nodes, fewer than leaf " + index + " of " + treeSize + " needs");
        }
        if (!r.equals(root)) {
            return Verification.rejected(ProofFailure.ROOT_MISMATCH,
                    "proof leads to root " + r + ", not the claimed " + root);
        }
        return Verification.valid();
    }
}
