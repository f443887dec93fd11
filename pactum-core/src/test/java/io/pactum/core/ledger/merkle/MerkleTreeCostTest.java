package io.pactum.core.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The O(log n) claim of {@link MerkleTree}, measured by counting subtree lookups: on a 10-million-leaf
 * log whose store answers with synthetic hashes (no leaves hashed; proofs are not verifiable there),
 * and on a real 100,000-leaf {@link InMemoryLeafHashes}, where every proof is also verified.
 */
class MerkleTreeCostTest {
    private static final long TEN_MILLION = 10_000_000L;

    /** Counts the lookups a tree computation makes; synthetic hashes when no real store is given. */
    private static final class CountingStore implements LeafHashes {
        private final long size;
        private final LeafHashes real;
        int lookups;

        CountingStore(long size, LeafHashes real) {
            this.size = size;
            this.real = real;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public Hash leaf(long index) {
            return subtree(index, 0);
        }

        @Override
        public Hash subtree(long start, int level) {
            Subtrees.checkComplete(start, level, size);
            lookups++;
            if (real != null) {
                return real.subtree(start, level);
            }
            return MerkleHash.leaf(ByteBuffer.allocate(12).putLong(start).putInt(level).array());
        }
    }

    @Test
    void aTenMillionLeafLogNeedsOnlyLogarithmicLookups() {
        CountingStore store = new CountingStore(TEN_MILLION, null);
        checkCost(store, false);
    }

    @Test
    void aRealHundredThousandLeafLogNeedsOnlyLogarithmicLookupsAndItsProofsVerify() {
        InMemoryLeafHashes real = new InMemoryLeafHashes();
        for (int i = 0; i < 100_000; i++) {
            real.appendEntry(ByteBuffer.allocate(4).putInt(i).array());
        }
        checkCost(new CountingStore(real.size(), real), true);
    }

    private static void checkCost(CountingStore store, boolean verify) {
        long max = store.size();
        int log2 = 64 - Long.numberOfLeadingZeros(max - 1);
        MerkleTree tree = new MerkleTree(store);
        for (long size : new long[] {1, 2, 3, 1023, 1024, 1025, max / 2 - 1, max - 1, max}) {
            store.lookups = 0;
            Hash root = tree.rootHash(size);
            assertThat(store.lookups).as("root of %d", size).isLessThanOrEqualTo(log2);

            for (long index : new long[] {0, size / 3, size / 2, size - 1}) {
                store.lookups = 0;
                List<Hash> path = tree.inclusionProof(index, size);
                assertThat(store.lookups).as("path %d of %d", index, size).isLessThanOrEqualTo(2 * log2);
                if (verify) {
                    assertThat(InclusionProof.verify(store.leaf(index), index, size, path, root).isValid()).isTrue();
                }
            }
            for (long size1 : new long[] {1, size / 3, size / 2, size - 1}) {
                if (size1 < 1) {
                    continue;
                }
                store.lookups = 0;
                List<Hash> proof = tree.consistencyProof(size1, size);
                assertThat(store.lookups).as("proof %d → %d", size1, size).isLessThanOrEqualTo(3 * log2);
                if (verify) {
                    Hash root1 = tree.rootHash(size1);
                    assertThat(ConsistencyProof.verify(size1, size, proof, root1, root).isValid()).isTrue();
                }
            }
        }
    }

    @Test
    void rejectsSizesBeyondTheStore() {
        MerkleTree tree = new MerkleTree(new CountingStore(TEN_MILLION, null));
        assertThatThrownBy(() -> tree.rootHash(TEN_MILLION + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InMemoryLeafHashes().subtree(0, 0)).isInstanceOf(IllegalArgumentException.class);
        InMemoryLeafHashes four = InMemoryLeafHashes.of(Rfc6962Reference.leaves(4));
        assertThatThrownBy(() -> four.subtree(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> four.subtree(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
