package io.pactum.core.delivery;

import io.pactum.core.registry.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A recipient's endpoint for signed HTTP deliveries. {@code sealedSecret} is the HMAC key sealed
 * with the hub's secret box, bound to the webhook id; the plain key is shown to the recipient once.
 */
public record Webhook(String id, String recipientId, String url, byte[] sealedSecret, boolean enabled,
        Instant createdAt) {
    public Webhook {
        Checks.identifier("id", id);
        Checks.identifier("recipientId", recipientId);
        Objects.requireNonNull(url, "url");
        sealedSecret = sealedSecret.clone();
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public byte[] sealedSecret() {
        return sealedSecret.clone();
    }

    /** The cursor channel of this webhook in its recipient's outbox. */
    public String channel() {
        return "webhook:" + id;
    }

    public Webhook withEnabled(boolean on) {
        return new Webhook(id, recipientId, url, sealedSecret, on, createdAt);
    }
}
