package io.pactum.core.detect;

import io.pactum.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured rule, like an AWS IoT Device Defender behaviour: when {@code metric} of a subject
 * over {@code window} compares by {@code operator} with {@code threshold} for {@code
 * consecutiveToAlarm} data points, alarm; after {@code consecutiveToClear} calm seconds, clear.
 *
 * <p>A data point to alarm is one evaluation, made on every observation of the subject, so a
 * behaviour with {@code consecutiveToAlarm = 1} alarms on the very observation that crosses the
 * threshold. A data point to clear is one calm second (at most one per second, from an observation
 * or the engine's tick), so a burst of calm messages cannot clear an alarm in a few milliseconds.
 *
 * @param window the sliding window for counting metrics; ignored by {@link Metric#VALUE_DEVIATION}
 * @param baseline how the per-device profile learns; only {@link Metric#VALUE_DEVIATION} uses it
 */
public record Behaviour(
        String name,
        Metric metric,
        Operator operator,
        Threshold threshold,
        Duration window,
        int consecutiveToAlarm,
        int consecutiveToClear,
        Scope scope,
        BaselineSettings baseline) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Duration MAX_WINDOW = Duration.ofHours(1);

    public Behaviour {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(baseline, "baseline");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("name",
                    "a behaviour name is 1 to 64 lower-case letters, digits and hyphens, e.g. credential-stuffing");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0
                || window.getNano() != 0) {
            throw new InvalidInputException("window", "the window must be whole seconds from 1 s to 1 h");
        }
        if (consecutiveToAlarm < 1 || consecutiveToAlarm > 1000) {
            throw new InvalidInputException("consecutiveToAlarm", "consecutive data points to alarm must be 1 to 1000");
        }
        if (consecutiveToClear < 1 || consecutiveToClear > 3600) {
            throw new InvalidInputException("consecutiveToClear", "consecutive calm seconds to clear must be 1 to 3600");
        }
        if (scope.productId() != null && !metric.knowsProduct()) {
            throw new InvalidInputException("scope", "metric " + metric
                    + " is observed without a product id; scope it to all devices, or use MESSAGES, BYTES or VALUE_DEVIATION");
        }
        if (metric.kind() == Metric.Kind.DISTINCT && threshold instanceof Threshold.Fixed fixed
                && fixed.value() >= RecentDistinct.CAPACITY) {
            throw new InvalidInputException("threshold", "distinct counts saturate at " + RecentDistinct.CAPACITY
                    + "; choose a threshold below it");
        }
    }

    /** A behaviour over all devices with the default baseline settings. */
    public Behaviour(String name, Metric metric, Operator operator, Threshold threshold, Duration window,
            int consecutiveToAlarm, int consecutiveToClear) {
        this(name, metric, operator, threshold, window, consecutiveToAlarm, consecutiveToClear, Scope.ALL,
                BaselineSettings.DEFAULT);
    }

    public Behaviour withScope(Scope newScope) {
        return new Behaviour(name, metric, operator, threshold, window, consecutiveToAlarm, consecutiveToClear,
                newScope, baseline);
    }

    public Behaviour withName(String newName) {
        return new Behaviour(newName, metric, operator, threshold, window, consecutiveToAlarm, consecutiveToClear,
                scope, baseline);
    }

    public Behaviour withThreshold(Threshold newThreshold) {
        return new Behaviour(name, metric, operator, newThreshold, window, consecutiveToAlarm, consecutiveToClear,
                scope, baseline);
    }
}
