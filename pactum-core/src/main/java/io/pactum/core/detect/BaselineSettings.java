package io.pactum.core.detect;

import io.pactum.core.error.InvalidInputException;

/**
 * How a per-device baseline (for {@link Metric#VALUE_DEVIATION}) learns.
 *
 * @param alpha weight of a new value in the EWMA mean and variance; 0.05 remembers about the last 40 values
 * @param warmUp values learned (exact mean and variance) before any is scored
 * @param absoluteFloor smallest deviation divided by, so that a constant signal does not alarm on a tiny change
 * @param relativeFloor the same, as a fraction of |mean|, for signals far from zero
 */
public record BaselineSettings(double alpha, int warmUp, double absoluteFloor, double relativeFloor) {
    public static final BaselineSettings DEFAULT = new BaselineSettings(0.05, 30, 1e-3, 0.01);

    public BaselineSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidInputException("baseline.alpha", "alpha must lie strictly between 0 and 1");
        }
        if (warmUp < 2) {
            throw new InvalidInputException("baseline.warmUp", "the warm-up needs at least 2 values");
        }
        if (!(absoluteFloor > 0) || !Double.isFinite(absoluteFloor)) {
            throw new InvalidInputException("baseline.absoluteFloor", "the absolute floor must be a positive number");
        }
        if (!(relativeFloor >= 0) || !Double.isFinite(relativeFloor)) {
            throw new InvalidInputException("baseline.relativeFloor", "the relative floor must be zero or more");
        }
    }
}
