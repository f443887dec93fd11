package io.pactum.bench;

import java.util.Arrays;

/** Latency percentiles (nearest rank) of one round, in nanoseconds. */
record Percentiles(int samples, long p50, long p99, long max) {
    static final Percentiles NONE = new Percentiles(0, 0, 0, 0);

    /** Of {@code values[0 .. n-1]}; sorts that part of the array. */
    static Percentiles of(long[] values, int n) {
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(values, 0, n);
        return new Percentiles(n, rank(values, n, 0.50), rank(values, n, 0.99), values[n - 1]);
    }

    private static long rank(long[] sorted, int n, double quantile) {
        int index = (int) Math.ceil(quantile * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))];
    }

    static String millis(long nanos) {
        return nanos < 10_000_000 ? String.format("%.2f", nanos / 1e6) : String.format("%,.0f", nanos / 1e6);
    }

    @Override
    public String toString() {
        return samples == 0 ? "n/a" : "p50 " + millis(p50) + " ms, p99 " + millis(p99) + " ms, max " + millis(max)
                + " ms";
    }
}
