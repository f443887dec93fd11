package io.pactum.core.ledger;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.batch.Completion;
import io.pactum.core.batch.GroupCommitThread;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.MerkleHash;
import io.pactum.core.ledger.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit ledger: events become entries at consecutive indexes of an RFC 9162 Merkle tree kept by
 * a {@link LedgerStore}. Three ways in:
 * <ul>
 *   <li>{@link #append} returns once the entry is durable: for actions acknowledged after it
 *       (API changes, partner commands, withheld deliveries);
 *   <li>{@link #stage} hands entries to a caller's own transaction, so a record, its releases and
 *       their entries commit together (a release is in the ledger exactly when it happened);
 *   <li>{@link #record} queues without waiting: for security signals raised on event loops.
 * </ul>
 * Appends and records from many threads are written together by one writer thread (group commit),
 * so the ledger adds one commit per batch, not per event. One lock orders index assignment with
 * commit; the right edge of the tree is kept in memory ({@link LedgerFrontier}), so an append
 * reads nothing and the current root costs no query.
 */
public final class Ledger implements AuditTrail, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    /** Queued events not yet written; beyond it {@link #record} drops (and counts) rather than grow. */
    static final int QUEUE_CAPACITY = 65_536;

    private final LedgerStore store;
    private final EntrySealer sealer;
    private final ReentrantLock order = new ReentrantLock();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final GroupCommitThread<Pending> writer;
    private volatile LedgerFrontier committed;

    /** A sealed event waiting for the writer; {@code done} is null for {@link #record}. */
    private record Pending(AuditEvent event, @Nullable CompletableFuture<Long> done) {}

    private Ledger(LedgerStore store, EntrySealer sealer, int maxBatch) {
        this.store = store;
        this.sealer = sealer;
        long size = store.size();
        long checkpointed = store.latestCheckpoint().map(StoredCheckpoint::size).orElse(0L);
        if (checkpointed > size) {
            // entries a signed checkpoint covers are gone: writing on would hide that, so refuse
            throw new IllegalStateException("the ledger holds " + size + " entries but its latest checkpoint covers "
                    + checkpointed + "; entries were removed. Run pactum audit verify and restore from a backup");
        }
        this.committed = LedgerFrontier.of(new StoredLeafHashes(store, size), size);
        this.writer = new GroupCommitThread<>("pactum-ledger", queue, maxBatch, this::write,
                pending -> fail(pending, new IllegalStateException("the ledger was closed")));
    }

    /** Opens the ledger in {@code store}, rebuilding the tree's right edge from it (O(log n) reads). */
    public static Ledger open(LedgerStore store, EntrySealer sealer, int maxBatch) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(sealer, "sealer");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        return new Ledger(store, sealer, maxBatch);
    }

    /** Appends an entry and returns once it is durable. */
    @Override
    public void append(AuditEvent event) {
        appendAndGetIndex(event);
    }

    /** Appends an entry, returns its index once it is durable. */
    public long appendAndGetIndex(AuditEvent event) {
        checkOpen();
        CompletableFuture<Long> done = new CompletableFuture<>();
        try {
            queue.put(new Pending(sealer.seal(event), done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a ledger entry", e);
        }
        return Completion.await(done, "the ledger");
    }

    /** Queues an entry without waiting. If the queue is full it is counted, and the count recorded later. */
    public void record(AuditEvent event) {
        if (writer.isClosed() || !queue.offer(new Pending(sealer.seal(event), null))) {
            dropped.incrementAndGet();
        }
    }

    /**
     * The events as the ledger keeps them (personal details sealed). Sealing may look up or create a
     * subject's key in the database, so callers that {@link #stage} inside a transaction seal first,
     * outside it.
     */
    public List<AuditEvent> seal(List<AuditEvent> events) {
        List<AuditEvent> sealed = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            sealed.add(sealer.seal(event));
        }
        return sealed;
    }

    /**
     * Assigns the next indexes to already {@link #seal sealed} events and holds them, and every other
     * append, until the returned {@link Staged} is closed. The caller writes {@link Staged#batch()} in
     * its transaction, calls {@link Staged#committed()} once that transaction has committed, and
     * closes it on the same thread that staged (the hold is a lock); closing without committing gives
     * the indexes back.
     */
    public Staged stage(List<AuditEvent> sealed) {
        checkOpen();
        order.lock();
        try {
            LedgerFrontier next = committed.copy();
            List<StoredEntry> entries = new ArrayList<>(sealed.size());
            List<SubtreeHash> subtrees = new ArrayList<>();
            for (AuditEvent event : sealed) {
                entries.add(encode(next, event, subtrees));
            }
            return new Staged(entries.isEmpty() ? null : new LedgerBatch(entries, subtrees), next);
        } catch (RuntimeException e) {
            order.unlock();
            throw e;
        }
    }

    /** Entries staged for a caller's transaction; see {@link #stage}. */
    public final class Staged implements AutoCloseable {
        private final @Nullable LedgerBatch batch;
        private final LedgerFrontier after;
        private boolean open = true;
        private boolean done;

        private Staged(@Nullable LedgerBatch batch, LedgerFrontier after) {
            this.batch = batch;
            this.after = after;
        }

        /** What to write; null when no events were staged. */
        public @Nullable LedgerBatch batch() {
            return batch;
        }

        /** The caller's transaction committed: the entries are the ledger's. Only before {@link #close}. */
        public void committed() {
            if (!open) {
                throw new IllegalStateException("committed() after close(): the indexes were given back");
            }
            committed = after;
            done = true;
        }

        /**
         * Releases the hold. Without {@link #committed()} the transaction failed, or its outcome is
         * unknown (a commit can fail after the database applied it), so the right edge is read back
         * from the store rather than assumed.
         */
        @Override
        public void close() {
            if (open) {
                open = false;
                try {
                    if (!done) {
                        resync();
                    }
                } finally {
                    order.unlock();
                }
            }
        }
    }

    /** The number of durable entries. */
    public long size() {
        return committed.size();
    }

    /** The tree head of all durable entries, computed from memory. */
    public TreeHead head() {
        LedgerFrontier now = committed;
        return new TreeHead(now.size(), now.root());
    }

    /** A tree size and its RFC 9162 root hash. */
    public record TreeHead(long size, Hash rootHash) {}

    /** The tree over the first {@code size} durable entries, for roots and proofs. */
    public MerkleTree tree(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("tree size " + size + " is not within 0.." + size());
        }
        return new MerkleTree(new StoredLeafHashes(store, size));
    }

    public LedgerStore store() {
        return store;
    }

    /** Durable entries from {@code fromIndex} on, decoded, at most {@code limit}. */
    public List<LedgerEntry> entries(long fromIndex, int limit) {
        List<StoredEntry> stored = store.read(fromIndex, limit);
        List<LedgerEntry> entries = new ArrayList<>(stored.size());
        for (StoredEntry entry : stored) {
            entries.add(LedgerEntryDecoder.decode(entry.encoded()));
        }
        return entries;
    }

    /** How many {@link #record}ed events were dropped because the queue was full. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        writer.close();
        long lost = dropped.get();
        if (lost > 0) {
            LOG.warn("{} queued ledger entries were dropped and not recorded as a count before closing", lost);
        }
    }

    private void write(List<Pending> batch) {
        List<Pending> candidates = new ArrayList<>(batch.size() + 1);
        long droppedNow = dropped.getAndSet(0);
        if (droppedNow > 0) {
            candidates.add(new Pending(droppedNotice(droppedNow, batch.get(0).event()), null));
        }
        candidates.addAll(batch);
        order.lock();
        try {
            LedgerFrontier next = committed.copy();
            List<Pending> written = new ArrayList<>(candidates.size());
            List<StoredEntry> entries = new ArrayList<>(candidates.size());
            List<SubtreeHash> subtrees = new ArrayList<>();
            for (Pending pending : candidates) {
                try {
                    entries.add(encode(next, pending.event(), subtrees));
                    written.add(pending);
                } catch (RuntimeException invalid) {
                    fail(pending, invalid);
                }
            }
            if (entries.isEmpty()) {
                return;
            }
            try {
                store.append(new LedgerBatch(entries, subtrees));
            } catch (RuntimeException e) {
                written.forEach(p -> fail(p, e));
                dropped.addAndGet(droppedNow); // the count is written with a later batch
                resync();
                return;
            }
            committed = next;
            long index = entries.get(0).index();
            for (Pending pending : written) {
                if (pending.done() != null) {
                    pending.done().complete(index);
                }
                index++;
            }
        } finally {
            order.unlock();
        }
    }

    /**
     * Reads the right edge back from the store: after a failed or uncertain write, or a write by
     * another process, so that the next append continues what is stored instead of failing on a
     * taken index forever. Called holding {@link #order}.
     */
    private void resync() {
        try {
            long size = store.size();
            committed = LedgerFrontier.of(new StoredLeafHashes(store, size), size);
        } catch (RuntimeException e) {
            LOG.error("could not read the ledger's size back after a failed write: {}", e.toString());
        }
    }

    private static AuditEvent droppedNotice(long count, AuditEvent next) {
        return new AuditEvent(AuditEventType.EVENTS_DROPPED, next.at(), AuditEvent.HUB,
                Map.of("count", Long.toString(count)));
    }

    private static void fail(Pending pending, RuntimeException cause) {
        if (pending.done() != null) {
            pending.done().completeExceptionally(cause);
        } else {
            LOG.error("a {} ledger entry could not be written: {}", pending.event().type(), cause.getMessage());
        }
    }

    /** The next entry on {@code frontier}, which it advances; invalid events throw and leave it as it was. */
    private static StoredEntry encode(LedgerFrontier frontier, AuditEvent event, List<SubtreeHash> subtrees) {
        byte[] bytes = LedgerEntry.of(frontier.size(), event).canonicalBytes();
        Hash leaf = MerkleHash.leaf(bytes);
        StoredEntry entry = new StoredEntry(frontier.size(), bytes, leaf);
        frontier.add(leaf, subtrees);
        return entry;
    }

    private void checkOpen() {
        if (writer.isClosed()) {
            throw new IllegalStateException("the ledger is closed");
        }
    }
}
