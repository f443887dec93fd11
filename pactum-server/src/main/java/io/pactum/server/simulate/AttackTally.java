package io.pactum.server.simulate;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters and limits of one running attack, shared by its script and the client callbacks
 * (thread-safe). The duration bound runs from the script's start, preparation included.
 */
final class AttackTally {
    private final AttackBounds bounds;
    private final long deadlineNanos;
    private final CompletableFuture<Instant> started = new CompletableFuture<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean stopped;

    AttackTally(AttackBounds bounds) {
        this.bounds = bounds;
        this.deadlineNanos = System.nanoTime() + bounds.maxDuration().toNanos();
    }

    /** Marks the start of the hostile part; later calls keep the first instant. */
    void markStarted() {
        started.complete(Instant.now());
    }

    /** Whether the script may send one more: below the count, before the deadline, not stopped. */
    boolean more() {
        return !stopped && sent.get() < bounds.maxCount() && !expired();
    }

    boolean expired() {
        return System.nanoTime() >= deadlineNanos;
    }

    /** Nanoseconds left before the deadline, never negative. */
    long nanosLeft() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    void stop() {
        stopped = true;
    }

    void sent() {
        sent.incrementAndGet();
    }

    void accepted() {
        accepted.incrementAndGet();
    }

    void refused() {
        refused.incrementAndGet();
    }

    /** For publishes: those the hub never acknowledged, because it closed the connection, are refused. */
    void countUnacknowledgedAsRefused() {
        refused.addAndGet(Math.max(0, sent.get() - accepted.get()));
    }

    long sentCount() {
        return sent.get();
    }

    long acceptedCount() {
        return accepted.get();
    }

    CompletableFuture<Instant> started() {
        return started;
    }

    AttackResult result(String attack) {
        markStarted(); // an attack stopped during preparation reports its end as its start
        return new AttackResult(attack, started.join(), Instant.now(), sent.get(), accepted.get(), refused.get());
    }
}
