package io.pactum.core.delivery;

/** Told when webhooks change, so the dispatcher starts, stops or replays at once; must not block. */
public interface WebhookEvents {
    void changed(Webhook webhook);

    void deleted(String webhookId);

    void replayRequested(String webhookId);
}
