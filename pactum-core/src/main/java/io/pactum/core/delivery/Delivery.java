package io.pactum.core.delivery;

import java.util.Objects;

/**
 * An outbox entry as stored, with its event id: positive, unique across the hub, and increasing in
 * the order entries were committed, so a channel's position is one number (the last event id it
 * delivered) and {@code Last-Event-ID} resumes exactly.
 */
public record Delivery(long eventId, OutboxEntry entry) {
    public Delivery {
        if (eventId < 1) {
            throw new IllegalArgumentException("eventId must be positive");
        }
        Objects.requireNonNull(entry, "entry");
    }

    /** What the recipient receives: the entry's body with {@code "eventId"} as its first member. */
    public String json() {
        return DeliveryBody.withEventId(eventId, entry.body());
    }
}
