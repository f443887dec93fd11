package io.pactum.core.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every tree of 0…64 leaves, every (index, size) and every (size1, size2): our tree heads and proofs
 * equal the RFC 6962 recursive MTH/PATH/PROOF of {@link Rfc6962Reference}, and verify both with our
 * RFC 9162 verifiers and with the reference's recursive ones. Truncated or padded proofs are rejected.
 */
class ExhaustiveProofTest {
    private static final int MAX = 64;
    private static final List<Hash> LEAVES = Rfc6962Reference.leaves(MAX);
    private static final MerkleTree CACHED = new MerkleTree(InMemoryLeafHashes.of(LEAVES));
    private static final MerkleTree UNCACHED = new MerkleTree(new ListLeafHashes(LEAVES));
    private static final Hash STRANGER = MerkleHash.leaf(new byte[] {42});

    @Test
    void rootsEqualTheRecursiveDefinition() {
        for (int n = 0; n <= MAX; n++) {
            Hash want = Rfc6962Reference.mth(LEAVES.subList(0, n));
            assertThat(CACHED.rootHash(n)).as("root of %d", n).isEqualTo(want);
            assertThat(UNCACHED.rootHash(n)).as("root of %d", n).isEqualTo(want);
        }
    }

    @Test
    void everyInclusionProofUpTo64Leaves() {
        int checked = 0;
        for (int n = 1; n <= MAX; n++) {
            List<Hash> tree = LEAVES.subList(0, n);
            Hash root = Rfc6962Reference.mth(tree);
            for (int m = 0; m < n; m++) {
                List<Hash> proof = CACHED.inclusionProof(m, n);
                String at = "leaf " + m + " of " + n;
                assertThat(proof).as(at).isEqualTo(Rfc6962Reference.path(m, tree));
                assertThat(UNCACHED.inclusionProof(m, n)).as(at).isEqualTo(proof);
                assertThat(Rfc6962Reference.verifyInclusion(LEAVES.get(m), m, n, proof, root)).as(at).isTrue();
                assertThat(InclusionProof.verify(LEAVES.get(m), m, n, proof, root).isValid()).as(at).isTrue();

                assertThat(InclusionProof.verify(LEAVES.get(m), m, n, plus(proof, STRANGER), root).failure())
                        .as(at).isEqualTo(ProofFailure.PROOF_TOO_LONG);
                if (!proof.isEmpty()) {
                    assertThat(InclusionProof.verify(LEAVES.get(m), m, n, proof.subList(0, proof.size() - 1), root)
                            .failure()).as(at).isEqualTo(ProofFailure.PROOF_TOO_SHORT);
                }
                assertThat(InclusionProof.verify(STRANGER, m, n, proof, root).failure())
                        .as(at).isEqualTo(ProofFailure.ROOT_MISMATCH);
                checked++;
            }
            assertThat(InclusionProof.verify(LEAVES.get(0), n, n, List.of(), root).failure())
                    .isEqualTo(ProofFailure.SIZES_OUT_OF_RANGE);
        }
        assertThat(checked).isEqualTo(MAX * (MAX + 1) / 2);
    }

    @Test
    void everyConsistencyProofUpTo64Leaves() {
        int checked = 0;
        for (int n = 1; n <= MAX; n++) {
            List<Hash> tree = LEAVES.subList(0, n);
            Hash root2 = Rfc6962Reference.mth(tree);
            for (int m = 1; m <= n; m++) {
                Hash root1 = Rfc6962Reference.mth(LEAVES.subList(0, m));
                List<Hash> proof = CACHED.consistencyProof(m, n);
                String at = m + " → " + n;
                assertThat(proof).as(at).isEqualTo(Rfc6962Reference.proof(m, tree));
                assertThat(UNCACHED.consistencyProof(m, n)).as(at).isEqualTo(proof);
                assertThat(Rfc6962Reference.verifyConsistency(m, n, proof, root1, root2)).as(at).isTrue();
                assertThat(ConsistencyProof.verify(m, n, proof, root1, root2).isValid()).as(at).isTrue();

                assertThat(ConsistencyProof.verify(m, n, plus(proof, STRANGER), root1, root2).failure())
                        .as(at).isEqualTo(ProofFailure.PROOF_TOO_LONG);
                if (!proof.isEmpty()) {
                    assertThat(ConsistencyProof.verify(m, n, proof.subList(0, proof.size() - 1), root1, root2)
                            .failure()).as(at).isEqualTo(ProofFailure.PROOF_TOO_SHORT);
                }
                assertThat(ConsistencyProof.verify(m, n, proof, root1, STRANGER).isValid()).as(at).isFalse();
                assertThat(ConsistencyProof.verify(m, n, proof, STRANGER, root2).isValid()).as(at).isFalse();
                assertThat(ConsistencyProof.verify(n, m, proof, root2, root1).isValid()).as(at).isEqualTo(m == n);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MAX * (MAX + 1) / 2);
    }

    @Test
    void emptyTreeEdges() {
        assertThat(CACHED.consistencyProof(0, 0)).isEmpty();
        Hash empty = MerkleHash.EMPTY_TREE;
        assertThat(ConsistencyProof.verify(0, 0, List.of(), empty, empty).isValid()).isTrue();
        assertThat(ConsistencyProof.verify(0, 0, List.of(), STRANGER, STRANGER).failure())
                .isEqualTo(ProofFailure.ROOT_MISMATCH);
        assertThat(ConsistencyProof.verify(0, 5, List.of(), empty, CACHED.rootHash(5)).failure())
                .isEqualTo(ProofFailure.SIZES_OUT_OF_RANGE);
        assertThat(InclusionProof.verify(LEAVES.get(0), 0, 0, List.of(), empty).failure())
                .isEqualTo(ProofFailure.SIZES_OUT_OF_RANGE);
    }

    private static List<Hash> plus(List<Hash> proof, Hash extra) {
        List<Hash> longer = new ArrayList<>(proof);
        longer.add(extra);
        return longer;
    }
}
