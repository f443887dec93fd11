package io.pactum.core.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Leaf hashes held in memory, with every complete subtree hash kept as leaves are appended, so
 * {@link #subtree} is O(1) and appending is O(1) amortised (about 2n hashes held in all). The model
 * for a persistent store. Not thread-safe: give it one writer, or guard it.
 */
public final class InMemoryLeafHashes implements LeafHashes {
    /** {@code levels.get(l).get(i)} is the hash of the complete subtree of 2^l leaves starting at i·2^l. */
    private final List<List<Hash>> levels = new ArrayList<>();

    public InMemoryLeafHashes() {
        levels.add(new ArrayList<>());
    }

    public static InMemoryLeafHashes of(List<Hash> leafHashes) {
        InMemoryLeafHashes hashes = new InMemoryLeafHashes();
        leafHashes.forEach(hashes::append);
        return hashes;
    }

    /** Appends a leaf given its entry bytes; returns the leaf's index. */
    public long appendEntry(byte[] entry) {
        return append(MerkleHash.leaf(entry));
    }

    /** Appends a leaf hash; returns the leaf's index. */
    public long append(Hash leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        long index = size();
        levels.get(0).add(leafHash);
        // Each level that now holds an even count has just completed a pair: carry it upwards.
        for (int level = 0; levels.get(level).size() % 2 == 0; level++) {
            List<Hash> row = levels.get(level);
            Hash parent = MerkleHash.node(row.get(row.size() - 2), row.get(row.size() - 1));
            if (levels.size() == level + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(level + 1).add(parent);
        }
        return index;
    }

    @Override
    public long size() {
        return levels.get(0).size();
    }

    @Override
    public Hash leaf(long index) {
        Objects.checkIndex(index, size());
        return levels.get(0).get((int) index);
    }

    @Override
    public Hash subtree(long start, int level) {
        Subtrees.checkComplete(start, level, size());
        return levels.get(level).get((int) (start >>> level));
    }
}
