package io.pactum.core.translate;

import java.util.List;
import java.util.Objects;

/** The readings of one message, in payload order. May be empty: the validator decides what that means. */
public record Readings(List<Reading> readings) {
    public Readings {
        readings = List.copyOf(Objects.requireNonNull(readings, "readings"));
    }

    public static Readings of(Reading... readings) {
        return new Readings(List.of(readings));
    }

    public int size() {
        return readings.size();
    }
}
