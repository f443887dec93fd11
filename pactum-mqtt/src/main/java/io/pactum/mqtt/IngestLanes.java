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
 *
 * <p>A lane runs at most {@link #TASKS_PER_TURN} tasks, then goes to the back of the pool's queue:
 * a device that keeps its lane full (one message after each acknowledgement) would otherwise hold a
 * worker for good, and more such devices than workers would stall every other device (measured with
 * the sharing load harness: 20 busy devices on 16 workers, p99 eleven times the median).
 */
final class IngestLanes {
    private static final Logger LOG = LoggerFactory.getLogger(IngestLanes.class);

    static final int TASKS_PER_TURN = 16;

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
            schedule(deviceId);
        }
    }

    /** Gives the lane a turn on a worker; only ever one turn per lane is scheduled or running. */
    private void schedule(String deviceId) {
        try {
            workers.execute(() -> drain(deviceId));
        } catch (RejectedExecutionException | IllegalStateException closed) {
            // The adapter is closing and its workers are gone: nothing will run this lane again.
            lanes.remove(deviceId);
            LOG.debug("tasks of {} dropped: the workers are closed", deviceId);
        }
    }

    /** Whether no lane has a task queued or running. */
    boolean isIdle() {
        return lanes.isEmpty();
    }

    /** One turn: up to {@link #TASKS_PER_TURN} tasks, then the lane queues again if it has more. */
    private void drain(String deviceId) {
        for (int run = 0; run < TASKS_PER_TURN; run++) {
            Runnable task = next(deviceId);
            if (task == null) {
                return; // the lane is gone, atomically with any submit that would have needed a new turn
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Keep draining: one failed task must not stall the device's lane for good.
                LOG.error("task of {} failed", deviceId, e);
            }
        }
        schedule(deviceId);
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
