package io.pactum.mqtt;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ordered lane per device onto a shared worker pool: a device's tasks run one at a time in
 * submission order, on whichever worker is free, and different devices run in parallel. Keyed by
 * device rather than connection, so that a reconnecting device's new messages queue behind the old
 * connection's. A lane exists exactly while it has tasks queued or running.
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
            workers.execute(() -> drain(deviceId));
        }
    }

    private void drain(String deviceId) {
        for (Runnable task = next(deviceId); task != null; task = next(deviceId)) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Keep draining: one failed task must not stall the device's lane for good.
                LOG.error("ingest task of device {} failed", deviceId, e);
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
