package io.pactum.core.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that takes items from a queue and hands them to a writer in batches of up to
 * {@code maxBatch}: whatever queued while a batch was being written goes into the next one. There is
 * no artificial delay: a lone item is written at once; batches form exactly when there is load.
 *
 * <p>Closing writes what is queued, then stops. The thread polls rather than being interrupted,
 * because interrupting a thread inside a commit makes the embedded database close its file.
 */
public final class GroupCommitThread<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitThread.class);
    private static final long POLL_MILLIS = 100;
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final Consumer<List<T>> writer;
    private final Consumer<T> abandoned;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the thread. {@code writer} gets each batch and deals with its own failures; if it throws
     * all the same, {@code abandoned} gets each item of the batch, as it gets each item still queued
     * when the thread stops, so that nobody waits forever for an item that will not be written.
     */
    public GroupCommitThread(String name, BlockingQueue<T> queue, int maxBatch, Consumer<List<T>> writer,
            Consumer<T> abandoned) {
        this.queue = Objects.requireNonNull(queue, "queue");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.writer = Objects.requireNonNull(writer, "writer");
        this.abandoned = Objects.requireNonNull(abandoned, "abandoned");
        this.thread = new Thread(this::run, Objects.requireNonNull(name, "name"));
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Writes what is queued, then stops the thread (waiting up to 10 s). An item queued in the
     * instant between a caller's check of {@link #isClosed()} and the thread's last poll is
     * abandoned here rather than left waiting.
     */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            abandonQueued();
        }
    }

    private void run() {
        List<T> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writer.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.error("{} failed to write a batch of {}", thread.getName(), batch.size(), e);
                batch.forEach(abandoned);
            } finally {
                batch.clear();
            }
        }
        abandonQueued();
    }

    private void abandonQueued() {
        T left;
        while ((left = queue.poll()) != null) {
            abandoned.accept(left);
        }
    }
}
