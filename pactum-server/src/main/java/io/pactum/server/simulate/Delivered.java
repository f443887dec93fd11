package io.pactum.server.simulate;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery a partner received: its event id, the device's pseudonym, the record's time as the
 * hub stated it, and when it arrived at the partner.
 */
public record Delivered(long eventId, String devicePseudonym, Instant recordTime, Instant arrivedAt) {
    public Delivered {
        Objects.requireNonNull(devicePseudonym, "devicePseudonym");
        Objects.requireNonNull(recordTime, "recordTime");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }
}
