package io.pactum.core.delivery;

import java.util.Objects;

/**
 * A newly registered webhook with its signing secret, which the hub shows this once: the recipient
 * verifies deliveries with it (see {@code docs/sharing.md}).
 */
public record IssuedWebhook(Webhook webhook, String secret) {
    public IssuedWebhook {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedWebhook[webhook=" + webhook.id() + ", secret=<hidden>]";
    }
}
