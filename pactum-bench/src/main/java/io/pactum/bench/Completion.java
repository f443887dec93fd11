package io.pactum.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** Counts what arrived at one end of a phase and notes when the target was first reached. */
final class Completion {
    private final long target;
    private final AtomicLong count = new AtomicLong();
    private volatile long reachedAt;

    Completion(long target) {
        this.target = target;
    }

    void add(long n) {
        note(count.addAndGet(n));
    }

    /** For a counter read from elsewhere (the hub's database). */
    void set(long value) {
        count.set(value);
        note(value);
    }

    private void note(long value) {
        if (value >= target && reachedAt == 0) {
            reachedAt = System.nanoTime();
        }
    }

    long count() {
        return count.get();
    }

    long target() {
        return target;
    }

    boolean reached() {
        return reachedAt != 0;
    }

    /** {@link System#nanoTime()} when the target was reached; 0 if not yet. */
    long reachedAt() {
        return reachedAt;
    }

    /**
     * Waits until the target is reached or the deadline passes, or gives up early once
     * {@code brokenOff} says a connection was lost and nothing arrived for 3 s.
     */
    void await(long deadlineNanos, BooleanSupplier brokenOff) {
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        while (!reached() && System.nanoTime() < deadlineNanos) {
            long now = System.nanoTime();
            if (count() != lastCount) {
                lastCount = count();
                lastProgress = now;
            } else if (brokenOff.getAsBoolean() && now - lastProgress > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            Harness.sleep(1);
        }
    }
}
