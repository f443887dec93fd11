package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetHistogramTest {

    @Test
    void noPercentile_untilAnEpochCompletesWithEnoughSamples() {
        FleetHistogram histogram = new FleetHistogram(99);
        for (int i = 0; i < 1000; i++) {
            histogram.record(i % 100, i % 100);
        }
        assertThat(histogram.percentile(299)).isNaN();
        assertThat(histogram.percentile(300)).isBetween(98.0, 120.0); // p99 of 0..99, rounded up to its bucket
    }

    @Test
    void tooFewSamples_giveNoPercentile() {
        FleetHistogram histogram = new FleetHistogram(99);
        histogram.record(0, 5);
        assertThat(histogram.percentile(FleetHistogram.EPOCH_SECONDS)).isNaN();
    }

    @Test
    void bucketUpperBound_isAtLeastTheValue() {
        for (double value : new double[] {0, 0.5, 1, 7, 10, 1000, 1e9}) {
            assertThat(FleetHistogram.upperBound(FleetHistogram.bucket(value))).isGreaterThanOrEqualTo(value);
        }
    }
}
