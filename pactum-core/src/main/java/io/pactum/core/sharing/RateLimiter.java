package io.pactum.core.sharing;

import java.time.Instant;

/**
 * A token bucket: holds up to {@code perMinute} tokens and refills continuously at {@code perMinute}
 * tokens per minute, measured on the instants passed in (so a test clock controls it). Thread-safe;
 * an instant earlier than one already seen refills nothing.
 */
final class RateLimiter {
    private static final double NANOS_PER_MINUTE = 60e9;

    private final int perMinute;
    private double tokens;
    private long lastNanos;
    private boolean started;

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
        this.tokens = perMinute;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes a token if one is available at {@code now}. */
    synchronized boolean tryAcquire(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether a token is available at {@code now}, without taking it. */
    synchronized boolean available(Instant now) {
        refill(now);
        return tokens >= 1;
    }

    private void refill(Instant now) {
        long nanos = epochNanos(now);
        if (!started) {
            started = true;
            lastNanos = nanos;
            return;
        }
        if (nanos > lastNanos) {
            tokens = Math.min(perMinute, tokens + (nanos - lastNanos) * perMinute / NANOS_PER_MINUTE);
            lastNanos = nanos;
        }
    }

    private static long epochNanos(Instant now) {
        // Saturates instead of overflowing for instants beyond the year 2262.
        try {
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        } catch (ArithmeticException e) {
            return now.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
