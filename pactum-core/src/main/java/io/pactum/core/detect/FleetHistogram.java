package io.pactum.core.detect;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fleet's distribution of one behaviour's metric, for percentile thresholds: a fixed histogram
 * of 128 logarithmic buckets (four per doubling, so about 19 % apart; values up to about 2^32),
 * filled during one epoch and read as the percentile of the previous, complete epoch. Fixed size
 * whatever the fleet; lock-free to record. The percentile is rounded up to its bucket's upper
 * bound, so the threshold errs towards fewer alarms.
 */
final class FleetHistogram {
    static final long EPOCH_SECONDS = 300;
    /** Samples a complete epoch needs before its percentile is trusted. */
    static final long MIN_SAMPLES = 100;
    private static final int BUCKETS = 128;

    private final double percentile;
    private volatile AtomicLongArray current = new AtomicLongArray(BUCKETS);
    private final AtomicLong epochEnd = new AtomicLong(Long.MIN_VALUE);
    private volatile double learned = Double.NaN;

    FleetHistogram(double percentile) {
        this.percentile = percentile;
    }

    void record(long epochSecond, double value) {
        rotateIfDue(epochSecond);
        current.incrementAndGet(bucket(value));
    }

    /** The previous epoch's percentile, or NaN while there is none with enough samples. */
    double percentile(long epochSecond) {
        rotateIfDue(epochSecond);
        return learned;
    }

    private void rotateIfDue(long epochSecond) {
        long end = epochEnd.get();
        if (end == Long.MIN_VALUE) {
            epochEnd.compareAndSet(Long.MIN_VALUE, epochSecond + EPOCH_SECONDS);
            return;
        }
        if (epochSecond < end || !epochEnd.compareAndSet(end, epochSecond + EPOCH_SECONDS)) {
            return;
        }
        // Only the thread that moved the epoch end swaps; a sample racing the swap may land in
        // either epoch, which a histogram of thousands of samples does not notice.
        AtomicLongArray finished = current;
        current = new AtomicLongArray(BUCKETS);
        learned = percentileOf(finished);
    }

    private double percentileOf(AtomicLongArray counts) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total < MIN_SAMPLES) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }

    static int bucket(double value) {
        if (!(value > 0)) {
            return 0;
        }
        double index = Math.floor(4 * Math.log(value + 1) / Math.log(2));
        return (int) Math.min(index, BUCKETS - 1);
    }

    static double upperBound(int bucket) {
        return Math.pow(2, (bucket + 1) / 4.0) - 1;
    }
}
