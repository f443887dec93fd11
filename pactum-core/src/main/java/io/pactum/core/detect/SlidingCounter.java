package io.pactum.core.detect;

/**
 * A sum over a sliding window of whole seconds, as a ring of buckets: at most 60 buckets, so a
 * 10 s window counts per second and a 5 min window per 5 s. The window covered is the current
 * bucket and the ones before it, so it slides by one bucket at a time. O(1) amortised per add;
 * not thread-safe (the caller holds the subject's lock).
 */
final class SlidingCounter {
    static final int MAX_BUCKETS = 60;

    private final long[] buckets;
    private final int bucketSeconds;
    private long headBucket = Long.MIN_VALUE; // absolute index (epoch second / bucketSeconds) of the newest bucket
    private long sum;

    SlidingCounter(long windowSeconds) {
        int count = (int) Math.min(windowSeconds, MAX_BUCKETS);
        this.bucketSeconds = (int) ((windowSeconds + count - 1) / count);
        this.buckets = new long[count];
    }

    /** Adds {@code amount} at {@code epochSecond} and returns the window's sum. */
    long add(long epochSecond, long amount) {
        long index = epochSecond / bucketSeconds;
        advanceTo(index);
        // An observation older than the window (clock skew between nodes) no longer counts.
        if (index > headBucket - buckets.length) {
            buckets[slot(index)] += amount;
            sum += amount;
        }
        return sum;
    }

    /** The window's sum as of {@code epochSecond}, dropping what slid out. */
    long valueAt(long epochSecond) {
        advanceTo(epochSecond / bucketSeconds);
        return sum;
    }

    private void advanceTo(long index) {
        if (headBucket == Long.MIN_VALUE) {
            headBucket = index;
            return;
        }
        if (index <= headBucket) {
            return;
        }
        long steps = Math.min(index - headBucket, buckets.length);
        for (long i = 1; i <= steps; i++) {
            int s = slot(headBucket + i);
            sum -= buckets[s];
            buckets[s] = 0;
        }
        headBucket = index;
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) buckets.length);
    }
}
