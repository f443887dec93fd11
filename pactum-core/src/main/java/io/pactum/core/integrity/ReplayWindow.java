package io.pactum.core.integrity;

import java.util.Objects;

/**
 * One device's anti-replay state: the highest accepted counter and a bitmap of which of the
 * {@value #SIZE} counters up to it were accepted (bit {@code i} is counter {@code highest - i}).
 * A sliding window as in IPsec and DTLS (RFC 6347 §4.1.2.6): counters may arrive out of order
 * within the window, each at most once; anything older is stale.
 *
 * <p>A pure value: {@link #check} returns a new window and changes nothing, so the caller persists
 * the new state (two longs) together with the accepted message, or not at all.
 *
 * @param highest the highest counter accepted so far; 0 if none
 * @param bitmap  which counters in {@code (highest - 64, highest]} were accepted
 */
public record ReplayWindow(long highest, long bitmap) {
    public static final int SIZE = Long.SIZE;
    /** The state of a device that has not sent a protected message yet. */
    public static final ReplayWindow EMPTY = new ReplayWindow(0, 0);

    public enum Verdict {
        /** First time seen and within (or ahead of) the window. */
        ACCEPT,
        /** This counter was already accepted. */
        DUPLICATE,
        /** Older than the window, so it can no longer be told apart from a replay. */
        STALE
    }

    /** The verdict and the window to keep: the advanced one on ACCEPT, this one otherwise. */
    public record Decision(Verdict verdict, ReplayWindow window) {
        public Decision {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(window, "window");
        }

        public boolean accepted() {
            return verdict == Verdict.ACCEPT;
        }
    }

    public ReplayWindow {
        if (highest < 0) {
            throw new IllegalArgumentException("highest must not be negative");
        }
        if (highest == 0 ? bitmap != 0 : (bitmap & 1) == 0) {
            throw new IllegalArgumentException("bit 0 stands for the highest counter: set exactly when one was accepted");
        }
        if (highest < SIZE && highest > 0 && (bitmap >>> highest) != 0) {
            throw new IllegalArgumentException("bitmap marks counters below 1");
        }
    }

    /** Decides on a message counter (1 or more) without changing this window. */
    public Decision check(long counter) {
        if (counter < 1) {
            throw new IllegalArgumentException("counter must be 1 or more");
        }
        if (counter > highest) {
            long shift = counter - highest; // no overflow: both are non-negative
            long moved = shift >= SIZE ? 0 : bitmap << shift;
            return new Decision(Verdict.ACCEPT, new ReplayWindow(counter, moved | 1));
        }
        long age = highest - counter;
        if (age >= SIZE) {
            return new Decision(Verdict.STALE, this);
        }
        long bit = 1L << age;
        if ((bitmap & bit) != 0) {
            return new Decision(Verdict.DUPLICATE, this);
        }
        return new Decision(Verdict.ACCEPT, new ReplayWindow(highest, bitmap | bit));
    }
}
