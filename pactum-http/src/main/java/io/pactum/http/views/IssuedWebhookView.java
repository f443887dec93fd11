package io.pactum.http.views;

import io.pactum.core.delivery.IssuedWebhook;

/** A new webhook with its signing secret: the only response that ever carries the secret. */
public record IssuedWebhookView(WebhookView webhook, String secret) {
    public static IssuedWebhookView of(IssuedWebhook issued) {
        return new IssuedWebhookView(WebhookView.of(issued.webhook()), issued.secret());
    }

    @Override
    public String toString() {
        return "IssuedWebhookView[webhook=" + webhook.id() + ", secret=<redacted>]";
    }
}
