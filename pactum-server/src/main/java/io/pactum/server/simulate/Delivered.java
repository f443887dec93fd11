package io.pactum.server.simulate;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One delivery a partner received: its event id, the device's and (if the record has one) the data
 * subject's pseudonym, the record's time as the hub stated it, and when it arrived at the partner.
 */
public record Delivered(long eventId, String devicePseudonym, @Nullable String subjectPseudonym, Instant recordTime,
        Instant arrivedAt) {
    public Delivered {
        Objects.requireNonNull(devicePseudonym, "devicePseudonym");
        Objects.requireNonNull(recordTime, "recordTime");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }
}
