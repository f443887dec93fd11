package io.pactum.core.ingest;

import io.pactum.core.batch.Completion;
import io.pactum.core.batch.GroupCommitThread;
import io.pactum.core.integrity.ReplayWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit in front of a record store: appends from many devices that arrive while a commit
 * is running are written together in the next transaction, so the cost of a commit is shared
 * instead of paid per message. Each caller still returns only once its own records are durable,
 * so "acknowledged only when stored" holds, and a device's next message (which waits for the
 * previous one) sees the advanced replay window.
 *
 * <p>No artificial delay: a lone message is committed at once; batching happens exactly when
 * there is load. If a batch fails, its appends are retried one by one, so one bad append fails
 * alone.
 */
public final class GroupCommitRecordStore implements RecordStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitRecordStore.class);

    private final RecordStore delegate;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final GroupCommitThread<Pending> writer;

    /** An append waiting for its commit. */
    private record Pending(Append append, CompletableFuture<Void> done) {}

    public GroupCommitRecordStore(RecordStore delegate, int maxBatch) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.writer = new GroupCommitThread<>("pactum-group-commit", queue, maxBatch, this::commit,
                pending -> pending.done().completeExceptionally(
                        new IllegalStateException("the record store was closed")));
    }

    @Override
    public void appendAll(List<Append> appends) {
        Objects.requireNonNull(appends, "appends");
        if (writer.isClosed()) {
            throw new IllegalStateException("the record store is closed");
        }
        List<CompletableFuture<Void>> waits = new ArrayList<>(appends.size());
        for (Append append : appends) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            queue.add(new Pending(append, done));
            waits.add(done);
        }
        for (CompletableFuture<Void> done : waits) {
            Completion.await(done, "a commit");
        }
    }

    private void commit(List<Pending> batch) {
        try {
            delegate.appendAll(batch.stream().map(Pending::append).toList());
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailure);
                return;
            }
            LOG.debug("group commit of {} appends failed; committing them one by one", batch.size());
            for (Pending pending : batch) {
                try {
                    delegate.appendAll(List.of(pending.append()));
                    pending.done().complete(null);
                } catch (RuntimeException e) {
                    pending.done().completeExceptionally(e);
                }
            }
        }
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        writer.close();
    }

    @Override
    public ReplayWindow replayWindow(String deviceId) {
        return delegate.replayWindow(deviceId);
    }

    @Override
    public void saveReplayWindow(String deviceId, ReplayWindow window) {
        delegate.saveReplayWindow(deviceId, window);
    }

    @Override
    public Optional<CanonicalRecord> find(String recordId) {
        return delegate.find(recordId);
    }

    @Override
    public List<CanonicalRecord> listByDevice(String deviceId, Instant from, Instant to, int limit) {
        return delegate.listByDevice(deviceId, from, to, limit);
    }

    @Override
    public int deleteReceivedBefore(String productId, Instant cutoff) {
        return delegate.deleteReceivedBefore(productId, cutoff);
    }
}
