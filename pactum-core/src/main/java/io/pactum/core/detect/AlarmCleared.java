package io.pactum.core.detect;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A subject's alarm under a behaviour ended after the configured calm seconds. */
public record AlarmCleared(String behaviour, Metric metric, String subject, @Nullable String field, double value,
        Instant clearedAt) implements AlarmEvent {
    public AlarmCleared {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clearedAt, "clearedAt");
    }
}
