package io.pactum.core.ledger.merkle;

import java.util.List;

/** Leaf hashes over a plain list, keeping the interface's default (uncached) subtree hashing. */
record ListLeafHashes(List<Hash> hashes) implements LeafHashes {
    @Override
    public long size() {
        return hashes.size();
    }

    @Override
    public Hash leaf(long index) {
        return hashes.get(Math.toIntExact(index));
    }
}
