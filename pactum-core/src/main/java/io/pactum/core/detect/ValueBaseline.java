package io.pactum.core.detect;

/**
 * A per-device, per-field profile of a numeric value. During warm-up it learns the exact mean and
 * variance (Welford), so the first scores do not rest on a variance that started at zero; after
 * it, an exponentially weighted mean and variance follow slow drift. Each value is scored against
 * the profile before it is learned, so an outlier does not hide itself. Not thread-safe.
 */
final class ValueBaseline {
    private final BaselineSettings settings;
    private long count;
    private double mean;
    private double variance; // during warm-up: sum of squared differences (Welford's M2)

    ValueBaseline(BaselineSettings settings) {
        this.settings = settings;
    }

    /** Scores {@code value} (NaN while warming up), then learns it. */
    double scoreAndLearn(double value) {
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        if (count < settings.warmUp()) {
            count++;
            double delta = value - mean;
            mean += delta / count;
            variance += delta * (value - mean);
            if (count == settings.warmUp()) {
                variance = variance / count;
            }
            return Double.NaN;
        }
        double diff = value - mean;
        double deviation = Math.max(Math.sqrt(variance),
                Math.max(settings.absoluteFloor(), settings.relativeFloor() * Math.abs(mean)));
        double score = Math.abs(diff) / deviation;
        double alpha = settings.alpha();
        mean += alpha * diff;
        variance = (1 - alpha) * (variance + alpha * diff * diff);
        count++;
        return score;
    }
}
