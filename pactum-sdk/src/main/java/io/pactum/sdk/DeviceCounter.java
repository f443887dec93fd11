package io.pactum.sdk;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out strictly increasing message counters, safely across threads. It keeps nothing across
 * restarts: a device stores {@link #peek()} (or a value ahead of it) itself and starts the next
 * instance from there, or the hub rejects the repeated counters as replays.
 */
public final class DeviceCounter {
    private static final long EXHAUSTED = -1;
    private final AtomicLong next;

    /** Starts at 1, for a device that has never sent a protected message. */
    public DeviceCounter() {
        this(1);
    }

    /** Starts at {@code first}, e.g. one past the last counter the device had stored. */
    public DeviceCounter(long first) {
        if (first < 1) {
            throw new IllegalArgumentException("counters start at 1");
        }
        this.next = new AtomicLong(first);
    }

    /** The next counter; never the same twice from this instance. */
    public long next() {
        long value = next.getAndUpdate(current -> current == Long.MAX_VALUE ? EXHAUSTED : current == EXHAUSTED ? EXHAUSTED : current + 1);
        return checked(value);
    }

    /** The counter {@link #next()} will return. */
    public long peek() {
        return checked(next.get());
    }

    private static long checked(long value) {
        if (value == EXHAUSTED) {
            throw new IllegalStateException("the counter is exhausted after 2^63-1 messages; the device needs a new key");
        }
        return value;
    }
}
