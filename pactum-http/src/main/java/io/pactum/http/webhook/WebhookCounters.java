package io.pactum.http.webhook;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the dispatcher did since it started, for tests, the load harness and metrics: events
 * delivered (replays included), attempts that failed and will be retried, and events given up on.
 * Thread-safe; read at any time.
 */
public final class WebhookCounters {
    private final LongAdder delivered = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    /** Events a receiver acknowledged with 2xx, replays included. */
    public long delivered() {
        return delivered.sum();
    }

    /** Dead letters delivered on replay (also counted in {@link #delivered()}). */
    public long replayed() {
        return replayed.sum();
    }

    /** Failed attempts followed by another attempt at the same event. */
    public long retried() {
        return retried.sum();
    }

    /** Events recorded as dead letters (a failed replay counts again). */
    public long deadLettered() {
        return deadLettered.sum();
    }

    void recordDelivered(boolean replay) {
        delivered.increment();
        if (replay) {
            replayed.increment();
        }
    }

    void recordRetry() {
        retried.increment();
    }

    void recordDeadLetter() {
        deadLettered.increment();
    }

    @Override
    public String toString() {
        return "WebhookCounters[delivered=" + delivered() + ", replayed=" + replayed() + ", retried=" + retried()
                + ", deadLettered=" + deadLettered() + "]";
    }
}
