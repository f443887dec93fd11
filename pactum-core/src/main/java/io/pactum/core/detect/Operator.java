package io.pactum.core.detect;

/**
 * How a metric value is compared with the threshold. Only "above" comparisons: behaviours are
 * evaluated when observations arrive, so "below" (a device gone quiet) would need a sweep over all
 * subjects every tick, which this engine deliberately avoids to stay O(1) per observation.
 */
public enum Operator {
    GREATER_THAN,
    GREATER_OR_EQUAL;

    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
        };
    }
}
