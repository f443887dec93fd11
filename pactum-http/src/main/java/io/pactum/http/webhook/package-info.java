/**
 * Webhook delivery: {@link io.pactum.http.webhook.WebhookDispatcher} posts each enabled webhook's
 * outbox to its endpoint, one signed event per request, in event-id order and at least once, with
 * retries, dead letters and replays. The wire format is documented in {@code docs/webhooks.md}.
 */
@NullMarked
package io.pactum.http.webhook;

import org.jspecify.annotations.NullMarked;
