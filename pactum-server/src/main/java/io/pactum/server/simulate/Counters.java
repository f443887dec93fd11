package io.pactum.server.simulate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Message counters for protected messages: the microseconds of the wall clock, never repeating
 * within this process, so that a device's counter keeps rising across runs and re-attacks against
 * the same hub (the hub refuses a counter it saw, or one far behind its replay window).
 */
final class Counters {
    private static final AtomicLong LAST = new AtomicLong();

    private Counters() {}

    /** A counter above every one handed out before; leaves room for a thousand after it. */
    static long fresh() {
        long now = System.currentTimeMillis() * 1_000;
        return LAST.updateAndGet(last -> Math.max(now, last + 1_000));
    }
}
