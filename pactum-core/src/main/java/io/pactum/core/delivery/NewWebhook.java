package io.pactum.core.delivery;

import org.jspecify.annotations.Nullable;

/** Request to register a webhook: the endpoint URL, checked against the hub's {@link WebhookPolicy} when created. */
public record NewWebhook(String url) {
    public NewWebhook(@Nullable String url) {
        this.url = url == null ? "" : url.strip();
    }
}
