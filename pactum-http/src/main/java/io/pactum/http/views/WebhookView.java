package io.pactum.http.views;

import io.pactum.core.delivery.Webhook;
import java.time.Instant;

/** A webhook; never its signing secret, which only the creating response carries. */
public record WebhookView(String id, String recipientId, String url, boolean enabled, Instant createdAt) {
    public static WebhookView of(Webhook w) {
        return new WebhookView(w.id(), w.recipientId(), w.url(), w.enabled(), w.createdAt());
    }
}
