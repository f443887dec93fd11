package io.pactum.core.ledger;

import io.pactum.core.error.ConflictException;
import io.pactum.core.ledger.merkle.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list-backed ledger store for tests, behaving as the JDBC one (size is the highest index + 1,
 * reads skip missing indexes), with ways to tamper with its rows directly, as someone with write
 * access to the database could.
 */
final class InMemoryLedgerStore implements LedgerStore {
    private record Key(long start, int level) {}

    /** Rows sorted by index; indexes unique. */
    private final List<StoredEntry> rows = new ArrayList<>();
    private final Map<Key, Hash> subtrees = new HashMap<>();
    private final List<StoredCheckpoint> checkpoints = new ArrayList<>();
    private int largestRead;

    @Override
    public synchronized long size() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).index() + 1;
    }

    @Override
    public synchronized void append(List<StoredEntry> entries, List<SubtreeHash> hashes) {
        long next = size();
        for (StoredEntry entry : entries) {
            if (entry.index() != next++) {
                throw new ConflictException("index", "entry " + entry.index() + " does not continue the ledger");
            }
        }
        for (SubtreeHash subtree : hashes) {
            if (subtrees.containsKey(new Key(subtree.start(), subtree.level()))) {
                throw new ConflictException("index", "subtree already kept");
            }
        }
        rows.addAll(entries);
        hashes.forEach(s -> subtrees.put(new Key(s.start(), s.level()), s.hash()));
    }

    @Override
    public synchronized List<StoredEntry> read(long fromIndex, int limit) {
        if (fromIndex < 0 || limit < 1) {
            throw new IllegalArgumentException("fromIndex >= 0 and limit >= 1");
        }
        largestRead = Math.max(largestRead, limit);
        int from = firstAtOrAfter(fromIndex);
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

    /** The largest {@code limit} any read asked for. */
    synchronized int largestRead() {
        return largestRead;
    }

    synchronized byte[] encoded(long index) {
        return rows.get(position(index)).encoded();
    }

    // ---- tampering, as with direct write access to the tables ----

    /** Changes an entry's bytes, leaving its leaf hash. */
    synchronized void replaceEncoded(long index, byte[] encoded) {
        int at = position(index);
        rows.set(at, new StoredEntry(index, encoded, rows.get(at).leafHash()));
    }

    synchronized void replaceLeafHash(long index, Hash leafHash) {
        int at = position(index);
        rows.set(at, new StoredEntry(index, rows.get(at).encoded(), leafHash));
    }

    synchronized void deleteRow(long index) {
        rows.remove(position(index));
    }

    /** Deletes a row and moves every later one down by one, closing the gap. */
    synchronized void deleteRowAndShift(long index) {
        int at = position(index);
        rows.remove(at);
        for (int i = at; i < rows.size(); i++) {
            StoredEntry row = rows.get(i);
            rows.set(i, new StoredEntry(row.index() - 1, row.encoded(), row.leafHash()));
        }
    }

    /** Deletes every row from {@code index} on. */
    synchronized void deleteFrom(long index) {
        rows.subList(firstAtOrAfter(index), rows.size()).clear();
    }

    /** Swaps the contents of two rows, as swapping their entry_index values does. */
    synchronized void swapRows(long a, long b) {
        int first = position(a);
        int second = position(b);
        StoredEntry was = rows.get(first);
        rows.set(first, new StoredEntry(a, rows.get(second).encoded(), rows.get(second).leafHash()));
        rows.set(second, new StoredEntry(b, was.encoded(), was.leafHash()));
    }

    /** Inserts a row at {@code index}, moving that row and every later one up by one. */
    synchronized void insertRow(long index, byte[] encoded, Hash leafHash) {
        int at = firstAtOrAfter(index);
        for (int i = at; i < rows.size(); i++) {
            StoredEntry row = rows.get(i);
            rows.set(i, new StoredEntry(row.index() + 1, row.encoded(), row.leafHash()));
        }
        rows.add(at, new StoredEntry(index, encoded, leafHash));
    }

    synchronized void replaceSubtree(long start, int level, Hash hash) {
        if (subtrees.replace(new Key(start, level), hash) == null) {
            throw new IllegalArgumentException("no kept subtree at " + start + ", level " + level);
        }
    }

    synchronized void deleteSubtree(long start, int level) {
        if (subtrees.remove(new Key(start, level)) == null) {
            throw new IllegalArgumentException("no kept subtree at " + start + ", level " + level);
        }
    }

    /** Recomputes every kept subtree hash from the stored leaf hashes, as a thorough forger would. */
    synchronized void recomputeSubtrees() {
        subtrees.clear();
        LedgerFrontier frontier = LedgerFrontier.empty();
        List<SubtreeHash> completed = new ArrayList<>();
        for (StoredEntry row : rows) {
            frontier.add(row.leafHash(), completed);
        }
        completed.forEach(s -> subtrees.put(new Key(s.start(), s.level()), s.hash()));
    }

    synchronized void replaceCheckpointNote(int position, String note) {
        StoredCheckpoint old = checkpoints.get(position);
        checkpoints.set(position, new StoredCheckpoint(old.size(), old.time(), note));
    }

    synchronized void deleteCheckpoints() {
        checkpoints.clear();
    }

    private int position(long index) {
        int at = firstAtOrAfter(index);
        if (at == rows.size() || rows.get(at).index() != index) {
            throw new IllegalArgumentException("no row " + index);
        }
        return at;
    }

    /** The position of the first row whose index is at least {@code index}. */
    private int firstAtOrAfter(long index) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rows.get(mid).index() < index) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
