package io.pactum.core.ledger;

import io.pactum.core.error.ConflictException;
import io.pactum.core.ledger.merkle.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ledger store in memory, for tests, tools and benchmarks that need the real writer, verifier or
 * proofs without a database; the hub keeps its ledger in one ({@code JdbcLedgerStore}). Holds at
 * most 2^31 - 1 entries.
 */
public final class MemoryLedgerStore implements LedgerStore {
    /** A kept subtree's key: its level, then its first leaf. */
    private record Position(int level, long start) {}

    private final List<StoredEntry> entries = new ArrayList<>();
    private final Map<Position, Hash> subtrees = new HashMap<>();
    private final List<StoredCheckpoint> checkpoints = new ArrayList<>();
    private int largestRead;

    // The ledger writes from its own thread while tests read, hence synchronized throughout.
    @Override
    public synchronized long size() {
        return entries.size();
    }

    @Override
    public synchronized void append(List<StoredEntry> batch, List<SubtreeHash> completed) {
        if (!batch.isEmpty() && batch.get(0).index() != entries.size()) {
            throw new ConflictException("index", "expected index " + entries.size() + ", got " + batch.get(0).index());
        }
        entries.addAll(batch);
        completed.forEach(s -> subtrees.put(new Position(s.level(), s.start()), s.hash()));
    }

    @Override
    public synchronized List<StoredEntry> read(long fromIndex, int limit) {
        largestRead = Math.max(largestRead, limit);
        int from = (int) Math.min(fromIndex, entries.size());
        int to = (int) Math.min((long) from + limit, entries.size());
        return List.copyOf(entries.subList(from, to));
    }

    @Override
    public synchronized Optional<Hash> subtree(long start, int level) {
        return Optional.ofNullable(subtrees.get(new Position(level, start)));
    }

    @Override
    public synchronized List<Hash> subtrees(int level, long fromStart, int count) {
        List<Hash> row = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Hash hash = subtrees.get(new Position(level, fromStart + ((long) i << level)));
            if (hash == null) {
                break;
            }
            row.add(hash);
        }
        return row;
    }

    @Override
    public synchronized void addCheckpoint(StoredCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<StoredCheckpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The largest {@code limit} any read asked for: shows that a reader pages instead of loading everything. */
    public synchronized int largestRead() {
        return largestRead;
    }
}
