package io.pactum.core.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An independent oracle for the tests, written straight from the recursive definitions of RFC 6962
 * §2.1.1–2.1.2 (MTH, PATH, PROOF/SUBPROOF) over a plain list of leaf hashes: no subtree store, no
 * bit arithmetic. Its verifiers rebuild the roots by walking the same recursion the proof came from,
 * a different algorithm from the RFC 9162 §2.1.3.2/§2.1.4.2 loops in the main code.
 */
final class Rfc6962Reference {
    private Rfc6962Reference() {
    }

    /** k: the largest power of two smaller than n (n > 1). */
    static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    static Hash mth(List<Hash> d) {
        if (d.isEmpty()) {
            return MerkleHash.EMPTY_TREE;
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = k(d.size());
        return MerkleHash.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    static List<Hash> path(int m, List<Hash> d) {
        List<Hash> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int n = d.size();
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    static List<Hash> proof(int m, List<Hash> d) {
        return subproof(m, d, true);
    }

    private static List<Hash> subproof(int m, List<Hash> d, boolean b) {
        List<Hash> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** The root that PATH(m, D[n]) implies for this leaf, or empty when the proof has the wrong shape. */
    static Optional<Hash> rootFromPath(Hash leaf, int m, int n, List<Hash> proof) {
        if (m < 0 || m >= n) {
            return Optional.empty();
        }
        if (n == 1) {
            return proof.isEmpty() ? Optional.of(leaf) : Optional.empty();
        }
        if (proof.isEmpty()) {
            return Optional.empty();
        }
        // PATH appends the sibling of the current split last, so peel nodes off the end.
        Hash sibling = proof.get(proof.size() - 1);
        List<Hash> rest = proof.subList(0, proof.size() - 1);
        int k = k(n);
        if (m < k) {
            return rootFromPath(leaf, m, k, rest).map(left -> MerkleHash.node(left, sibling));
        }
        return rootFromPath(leaf, m - k, n - k, rest).map(right -> MerkleHash.node(sibling, right));
    }

    static boolean verifyInclusion(Hash leaf, int m, int n, List<Hash> proof, Hash root) {
        return rootFromPath(leaf, m, n, proof).filter(root::equals).isPresent();
    }

    /** The (old root, new root) pair that PROOF(m, D[n]) implies, or empty when its shape is wrong. */
    static Optional<Hash[]> rootsFromProof(int m, int n, List<Hash> proof, Hash oldRoot) {
        if (m <= 0 || m > n) {
            return Optional.empty();
        }
        return rootsFromSubproof(m, n, true, proof, oldRoot);
    }

    private static Optional<Hash[]> rootsFromSubproof(int m, int n, boolean b, List<Hash> proof, Hash oldRoot) {
        if (m == n) {
            if (b) {
                // This subtree is the whole old tree: the verifier already knows its hash.
                return proof.isEmpty() ? Optional.of(new Hash[] {oldRoot, oldRoot}) : Optional.empty();
            }
            return proof.size() == 1 ? Optional.of(new Hash[] {proof.get(0), proof.get(0)}) : Optional.empty();
        }
        if (proof.isEmpty()) {
            return Optional.empty();
        }
        Hash sibling = proof.get(proof.size() - 1);
        List<Hash> rest = proof.subList(0, proof.size() - 1);
        int k = k(n);
        if (m <= k) {
            // The old tree lies wholly in the left half; the right half is new.
            return rootsFromSubproof(m, k, b, rest, oldRoot)
                    .map(r -> new Hash[] {r[0], MerkleHash.node(r[1], sibling)});
        }
        return rootsFromSubproof(m - k, n - k, false, rest, oldRoot)
                .map(r -> new Hash[] {MerkleHash.node(sibling, r[0]), MerkleHash.node(sibling, r[1])});
    }

    static boolean verifyConsistency(int m, int n, List<Hash> proof, Hash oldRoot, Hash newRoot) {
        return rootsFromProof(m, n, proof, oldRoot)
                .filter(r -> r[0].equals(oldRoot) && r[1].equals(newRoot))
                .isPresent();
    }

    /** Deterministic distinct leaf hashes: leaf(i) = H(0x00 ‖ "leaf-i"). */
    static List<Hash> leaves(int n) {
        List<Hash> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(MerkleHash.leaf(("leaf-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return out;
    }
}
