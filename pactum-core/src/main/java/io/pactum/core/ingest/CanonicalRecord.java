package io.pactum.core.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One device reading in the hub's canonical form, whatever the device spoke: who and what it is
 * about, when it was measured, the typed fields, and how it arrived. {@code flagged} marks values
 * outside the plausible range that the product's policy keeps rather than rejects; they are never
 * passed on as valid.
 */
public record CanonicalRecord(
        String id,
        String deviceId,
        String productId,
        @Nullable String subjectId,
        Channel channel,
        Instant time,
        Instant receivedAt,
        List<FieldValue> fields,
        Provenance provenance,
        boolean flagged) {

    public CanonicalRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(channel, "channel");
        // Microseconds: what every supported database keeps, so a stored record equals the one returned.
        time = time.truncatedTo(ChronoUnit.MICROS);
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a record holds at least one field");
        }
        Objects.requireNonNull(provenance, "provenance");
    }
}
