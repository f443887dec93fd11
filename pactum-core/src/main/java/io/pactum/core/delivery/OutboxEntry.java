package io.pactum.core.delivery;

import io.pactum.core.sharing.Purpose;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One released record waiting in a recipient's outbox. {@code body} is the JSON object the recipient
 * receives (see {@link DeliveryBody}), already transformed as the agreement says; the other
 * components stay inside the hub: they let a delivery be re-checked (agreement still in force,
 * consent still standing, device not quarantined) and audited. {@code subjectId} is the raw data
 * subject id and never leaves. {@code deviceId} is null for entries stored before it was kept.
 */
public record OutboxEntry(String recipientId, String agreementId, Purpose purpose, String recordId,
        @Nullable String subjectId, Instant createdAt, String body, @Nullable String deviceId) {
    public OutboxEntry {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(body, "body");
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("an outbox body is a JSON object");
        }
    }

    /** An entry whose device is not known, as in tests of delivery alone. */
    public OutboxEntry(String recipientId, String agreementId, Purpose purpose, String recordId,
            @Nullable String subjectId, Instant createdAt, String body) {
        this(recipientId, agreementId, purpose, recordId, subjectId, createdAt, body, null);
    }
}
