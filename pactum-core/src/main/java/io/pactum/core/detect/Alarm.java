package io.pactum.core.detect;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A behaviour's alarm for one subject: raised once, then silent until {@link AlarmCleared}.
 *
 * @param subject a device id, a source host or an organisation id, as {@link Metric#subject()} says
 * @param field the value's field for {@link Metric#VALUE_DEVIATION}, otherwise null
 * @param value the metric value that crossed the threshold
 * @param threshold the threshold in force then (for a fleet percentile, the learned value)
 * @param firstBreachAt the first breaching data point of the run that raised the alarm
 * @param raisedAt the instant of the data point that raised it
 */
public record Alarm(String behaviour, Metric metric, String subject, @Nullable String field, double value,
        double threshold, Instant firstBreachAt, Instant raisedAt) implements AlarmEvent {
    public Alarm {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(firstBreachAt, "firstBreachAt");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }
}
