package io.pactum.core.ledger;

import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.LeafHashes;
import io.pactum.core.ledger.merkle.MerkleHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The leaf hashes of a stored ledger, of its first {@code size} entries. A kept subtree
 * ({@link KeptSubtrees}) is one lookup; any other is hashed up from the kept level below it, read in
 * one query. A kept hash that is missing means the store was damaged, and is reported as such.
 */
public final class StoredLeafHashes implements LeafHashes {
    private final LedgerStore store;
    private final long size;

    public StoredLeafHashes(LedgerStore store, long size) {
        this.store = Objects.requireNonNull(store, "store");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Hash leaf(long index) {
        Objects.checkIndex(index, size);
        return leafHashes(index, 1).get(0);
    }

    @Override
    public Hash subtree(long start, int level) {
        if (level == 0) {
            return leaf(start);
        }
        if (start < 0 || start + (1L << level) > size || (start & ((1L << level) - 1)) != 0) {
            throw new IllegalArgumentException("no complete subtree of 2^" + level + " leaves at " + start);
        }
        if (KeptSubtrees.isKept(level)) {
            return store.subtree(start, level).orElseThrow(() -> new IllegalStateException(
                    "the ledger store lacks the kept hash of the subtree at " + start + ", level " + level));
        }
        int below = KeptSubtrees.keptBelow(level);
        int count = 1 << (level - below);
        List<Hash> row = below == 0 ? leafHashes(start, count) : store.subtrees(below, start, count);
        if (row.size() != count) {
            throw new IllegalStateException("the ledger store returned " + row.size() + " of the " + count
                    + " hashes under the subtree at " + start + ", level " + level);
        }
        return hashUp(row);
    }

    /** The leaf hashes of {@code count} consecutive entries; a missing row is damage, not a shorter list. */
    private List<Hash> leafHashes(long start, int count) {
        List<StoredEntry> entries = store.read(start, count);
        List<Hash> hashes = new ArrayList<>(entries.size());
        for (StoredEntry entry : entries) {
            if (entry.index() != start + hashes.size()) {
                break;
            }
            hashes.add(entry.leafHash());
        }
        if (hashes.size() != count) {
            throw new IllegalStateException("the ledger store lacks entry " + (start + hashes.size())
                    + "; run pactum audit verify");
        }
        return hashes;
    }

    /** The root of a power-of-two row of hashes. */
    private static Hash hashUp(List<Hash> row) {
        List<Hash> level = new ArrayList<>(row);
        while (level.size() > 1) {
            List<Hash> parents = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                parents.add(MerkleHash.node(level.get(i), level.get(i + 1)));
            }
            level = parents;
        }
        return level.get(0);
    }
}
