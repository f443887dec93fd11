package io.pactum.core.ledger;

import io.pactum.core.ledger.merkle.Hash;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of the ledger: entries by index, some complete-subtree hashes, and signed checkpoints.
 * Append-only through this interface; tampering is what the Merkle tree and checkpoints detect.
 */
public interface LedgerStore {
    /** The number of entries, i.e. the index the next entry gets. */
    long size();

    /**
     * Appends entries whose indexes continue from {@link #size()} without gaps, together with the
     * complete-subtree hashes they complete, in one transaction; returns once durable. Throws
     * {@code ConflictException} if the first index is not the current size (another writer).
     */
    void append(List<StoredEntry> entries, List<SubtreeHash> subtrees);

    /** Appends a batch, as {@link #append(List, List)}. */
    default void append(LedgerBatch batch) {
        append(batch.entries(), batch.subtrees());
    }

    /** Entries from {@code fromIndex} on, in index order, at most {@code limit}. */
    List<StoredEntry> read(long fromIndex, int limit);

    /** A kept complete-subtree hash, if this one was kept. */
    Optional<Hash> subtree(long start, int level);

    /**
     * The kept hashes of {@code count} consecutive complete subtrees of one level, the first at
     * {@code fromStart}; fewer if some are not kept.
     */
    List<Hash> subtrees(int level, long fromStart, int count);

    void addCheckpoint(StoredCheckpoint checkpoint);

    /** Every checkpoint, oldest first. */
    List<StoredCheckpoint> checkpoints();

    /** Checkpoints in the order they were added, from position {@code from} (0 = the oldest), at most {@code limit}. */
    default List<StoredCheckpoint> checkpoints(long from, int limit) {
        List<StoredCheckpoint> all = checkpoints();
        int start = (int) Math.min(from, all.size());
        return List.copyOf(all.subList(start, Math.min(all.size(), start + limit)));
    }

    /** The checkpoint added last for exactly {@code size} entries, if any. */
    default Optional<StoredCheckpoint> checkpointOfSize(long size) {
        List<StoredCheckpoint> all = checkpoints();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).size() == size) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** The checkpoint added last, if any. */
    default Optional<StoredCheckpoint> latestCheckpoint() {
        List<StoredCheckpoint> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
