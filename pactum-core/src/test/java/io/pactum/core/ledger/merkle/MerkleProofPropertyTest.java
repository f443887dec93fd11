package io.pactum.core.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random trees of up to 3000 leaves: generated proofs verify, and inverting any single bit of
 * any proof node, of the leaf or of a root makes verification fail.
 */
class MerkleProofPropertyTest {

    @Property(tries = 200)
    void inclusionProofsVerifyAndAnyFlippedBitBreaksThem(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3000) int size,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int indexSeed,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        InMemoryLeafHashes leaves = randomLeaves(seed, size);
        MerkleTree tree = new MerkleTree(leaves);
        int index = indexSeed % size;
        Hash leaf = leaves.leaf(index);
        Hash root = tree.rootHash(size);
        List<Hash> proof = tree.inclusionProof(index, size);

        assertThat(InclusionProof.verify(leaf, index, size, proof, root).isValid()).isTrue();
        assertThat(Rfc6962Reference.verifyInclusion(leaf, index, size, proof, root)).isTrue();
        assertThat(InclusionProof.verify(leaf.withBitFlipped(bit), index, size, proof, root).isValid()).isFalse();
        assertThat(InclusionProof.verify(leaf, index, size, proof, root.withBitFlipped(bit)).isValid()).isFalse();
        for (int node = 0; node < proof.size(); node++) {
            List<Hash> tampered = flip(proof, node, bit);
            assertThat(InclusionProof.verify(leaf, index, size, tampered, root).isValid()).as("node %d", node).isFalse();
        }
    }

    @Property(tries = 200)
    void consistencyProofsVerifyAndAnyFlippedBitBreaksThem(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3000) int size2,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int size1Seed,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        InMemoryLeafHashes leaves = randomLeaves(seed, size2);
        MerkleTree tree = new MerkleTree(leaves);
        int size1 = 1 + size1Seed % size2;
        Hash root1 = tree.rootHash(size1);
        Hash root2 = tree.rootHash(size2);
        List<Hash> proof = tree.consistencyProof(size1, size2);

        assertThat(ConsistencyProof.verify(size1, size2, proof, root1, root2).isValid()).isTrue();
        assertThat(Rfc6962Reference.verifyConsistency(size1, size2, proof, root1, root2)).isTrue();
        assertThat(ConsistencyProof.verify(size1, size2, proof, root1.withBitFlipped(bit), root2).isValid()).isFalse();
        assertThat(ConsistencyProof.verify(size1, size2, proof, root1, root2.withBitFlipped(bit)).isValid()).isFalse();
        for (int node = 0; node < proof.size(); node++) {
            List<Hash> tampered = flip(proof, node, bit);
            assertThat(ConsistencyProof.verify(size1, size2, tampered, root1, root2).isValid())
                    .as("node %d", node).isFalse();
        }
    }

    private static InMemoryLeafHashes randomLeaves(long seed, int size) {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        for (int i = 0; i < size; i++) {
            leaves.appendEntry(ByteBuffer.allocate(12).putLong(seed).putInt(i).array());
        }
        return leaves;
    }

    private static List<Hash> flip(List<Hash> proof, int node, int bit) {
        List<Hash> tampered = new ArrayList<>(proof);
        tampered.set(node, proof.get(node).withBitFlipped(bit));
        return tampered;
    }
}
