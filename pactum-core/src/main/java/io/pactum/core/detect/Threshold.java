package io.pactum.core.detect;

import io.pactum.core.error.InvalidInputException;

/** What a metric value is compared with: a fixed number, or a percentile of the fleet's own values. */
public sealed interface Threshold {

    static Threshold fixed(double value) {
        return new Fixed(value);
    }

    /** Above the fleet's {@code percentile} of the same metric, but never below {@code minimum}. */
    static Threshold fleetPercentile(double percentile, double minimum) {
        return new FleetPercentile(percentile, minimum);
    }

    record Fixed(double value) implements Threshold {
        public Fixed {
            if (!Double.isFinite(value) || value < 0) {
                throw new InvalidInputException("threshold", "a threshold must be a finite number, zero or more");
            }
        }
    }

    /**
     * The fleet's percentile, learned over the previous complete epoch of {@link FleetHistogram};
     * until one epoch has passed with enough samples, the behaviour does not alarm. {@code minimum}
     * keeps a quiet fleet (p99 of almost nothing) from alarming on the first small rise.
     */
    record FleetPercentile(double percentile, double minimum) implements Threshold {
        public FleetPercentile {
            if (!(percentile >= 50 && percentile < 100)) {
                throw new InvalidInputException("threshold.percentile",
                        "a fleet percentile must lie in [50, 100), e.g. 99 or 99.9");
            }
            if (!Double.isFinite(minimum) || minimum < 0) {
                throw new InvalidInputException("threshold.minimum", "the minimum must be a finite number, zero or more");
            }
        }
    }
}
