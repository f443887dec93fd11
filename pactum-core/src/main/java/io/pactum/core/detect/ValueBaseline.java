package io.pactum.core.detect;

/**
 * A per-device, per-field profile of a numeric value. During warm-up it learns the exact mean and
 * variance (Welford), so the first scores do not rest on a variance that started at zero; after
 * it, an exponentially weighted mean and variance follow slow drift. Each value is scored against
 * the profile before it is learned, so an outlier does not hide itself. Not thread-safe.
 *
 * <p>The deviation a value is divided by is never below the signal's resolution, the smallest
 * change between two of its values seen so far: a quantised signal (a battery in whole percent, a
 * counter) is flat for long stretches, its learned variance shrinks towards zero, and its next
 * one-step change would otherwise score as an outlier.
 */
final class ValueBaseline {
    private final BaselineSettings settings;
    private long count;
    private double mean;
    private double variance; // during warm-up: sum of squared differences (Welford's M2)
    private double previous = Double.NaN;
    private double resolution; // 0 until the signal first changed

    ValueBaseline(BaselineSettings settings) {
        this.settings = settings;
    }

    /** Scores {@code value} (NaN while warming up), then learns it. */
    double scoreAndLearn(double value) {
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        double score = score(value);
        learn(value);
        return score;
    }

    private double score(double value) {
        if (count < settings.warmUp()) {
            return Double.NaN;
        }
        double floor = Math.max(resolution,
                Math.max(settings.absoluteFloor(), settings.relativeFloor() * Math.abs(mean)));
        return Math.abs(value - mean) / Math.max(Math.sqrt(variance), floor);
    }

    private void learn(double value) {
        double step = Math.abs(value - previous);
        if (step > 0 && (resolution == 0 || step < resolution)) {
            resolution = step;
        }
        previous = value;
        if (count < settings.warmUp()) {
            count++;
            double delta = value - mean;
            mean += delta / count;
            variance += delta * (value - mean);
            if (count == settings.warmUp()) {
                variance = variance / count;
            }
            return;
        }
        double diff = value - mean;
        double alpha = settings.alpha();
        mean += alpha * diff;
        variance = (1 - alpha) * (variance + alpha * diff * diff);
        count++;
    }
}
