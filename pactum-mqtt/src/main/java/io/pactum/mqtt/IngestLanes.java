package io.pactum.mqtt;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ordered lane per device (or partner client) onto a shared worker pool: a device's tasks run
 * one at a time in submission order, on whichever worker is free, and different devices run in
 * parallel. Keyed by device rather than connection, so that a reconnecting device's new messages
 * queue behind the old connection's (and a partner's new session reads its position only after the
 * old one's last cursor write). A lane exists exactly while it has tasks queued or running.
 */
final class IngestLanes {
    private static final Logger LOG = LoggerFactory.getLogger(IngestLanes.class);

    private final ConcurrentMap<String, ArrayDeque<Runnable>> lanes = new ConcurrentHashMap<>();
    private final Executor workers;

    IngestLanes(Executor workers) {
        this.workers = workers;
    }

    void submit(String deviceId, Runnable task) {
        boolean[] idle = {false};
        lanes.compute(deviceId, (id, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                idle[0] = true;
            }
            queue.addLast(task);
            return queue;
        });
        if (idle[0]) {
            try {
                workers.execute(() -> drain(deviceId));
            } catch (RejectedExecutionException | IllegalStateException closed) {
                // The adapter is closing and its workers are gone: nothing will run this lane again.
                lanes.remove(deviceId);
                LOG.debug("tasks of {} dropped: the workers are closed", deviceId);
            }
        }
    }

    /** Whether no lane has a task queued or running. */
    boolean isIdle() {
        return lanes.isEmpty();
    }

    private void drain(String deviceId) {
        for (Runnable task = next(deviceId); task != null; task = next(deviceId)) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Keep draining: one failed task must not stall the device's lane for good.
                LOG.error("task of {} failed", deviceId, e);
            }
        }
    }

    /** The lane's next task, or null after removing the empty lane (atomically with submit). */
    private @Nullable Runnable next(String deviceId) {
        Runnable[] next = {null};
        lanes.computeIfPresent(deviceId, (id, queue) -> {
            next[0] = queue.pollFirst();
            return next[0] == null ? null : queue;
        });
        return next[0];
    }
}
