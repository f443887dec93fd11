package io.pactum.bench;

import io.pactum.core.ledger.LedgerStore;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.SubtreeHash;
import io.pactum.core.ledger.merkle.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list-backed {@link LedgerStore} for the benchmarks: no database, so {@link LedgerVerifyBenchmark}
 * measures the verifier's own work (decode, re-encode, hash, tree) apart from H2's reads.
 */
final class LedgerMemoryStore implements LedgerStore {
    private record Key(long start, int level) {}

    private final List<StoredEntry> rows = new ArrayList<>();
    private final Map<Key, Hash> subtrees = new HashMap<>();
    private final List<StoredCheckpoint> checkpoints = new ArrayList<>();

    @Override
    public synchronized long size() {
        return rows.size();
    }

    @Override
    public synchronized void append(List<StoredEntry> entries, List<SubtreeHash> hashes) {
        long next = rows.size();
        for (StoredEntry entry : entries) {
            if (entry.index() != next++) {
                throw new IllegalStateException("entry " + entry.index() + " does not continue the ledger");
            }
        }
        rows.addAll(entries);
        hashes.forEach(s -> subtrees.put(new Key(s.start(), s.level()), s.hash()));
    }

    @Override
    public synchronized List<StoredEntry> read(long fromIndex, int limit) {
        int from = (int) Math.min(fromIndex, rows.size());
        return List.copyOf(rows.subList(from, Math.min(rows.size(), from + limit)));
    }

    @Override
    public synchronized Optional<Hash> subtree(long start, int level) {
        return Optional.ofNullable(subtrees.get(new Key(start, level)));
    }

    @Override
    public synchronized List<Hash> subtrees(int level, long fromStart, int count) {
        List<Hash> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Hash hash = subtrees.get(new Key(fromStart + ((long) i << level), level));
            if (hash != null) {
                found.add(hash);
            }
        }
        return found;
    }

    @Override
    public synchronized void addCheckpoint(StoredCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<StoredCheckpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }
}
