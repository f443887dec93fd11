package io.pactum.http.webhook;

import io.pactum.core.delivery.Outbox;
import java.time.Duration;
import java.util.Objects;

/**
 * How the webhook dispatcher retries and paces itself; validated here and immutable.
 *
 * @param maxAttempts    attempts at one event before it becomes a dead letter (1 means no retry)
 * @param backoffBase    wait after the first failed attempt; doubled after each further one, with jitter
 * @param backoffCap     longest wait between two attempts, also the cap on a receiver's {@code Retry-After}
 * @param requestTimeout longest one attempt may take, from connecting to the end of the response
 * @param pollInterval   how often every webhook is looked at even without a notification (a safety net)
 * @param batchSize      outbox entries read at once per webhook
 */
public record WebhookSettings(int maxAttempts, Duration backoffBase, Duration backoffCap, Duration requestTimeout,
        Duration pollInterval, int batchSize) {
    public static final int MAX_ATTEMPTS_LIMIT = 1_000;
    /** 12 attempts over about 20 minutes of backoff (1 s doubling to a 5 min cap), 10 s per attempt. */
    public static final WebhookSettings DEFAULTS = new WebhookSettings(12, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5), 100);

    public WebhookSettings {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be 1-" + MAX_ATTEMPTS_LIMIT + ", was " + maxAttempts);
        }
        positive("backoffBase", backoffBase);
        positive("backoffCap", backoffCap);
        positive("requestTimeout", requestTimeout);
        positive("pollInterval", pollInterval);
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (batchSize < 1 || batchSize > Outbox.MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1-" + Outbox.MAX_BATCH + ", was " + batchSize);
        }
    }

    /** These settings with another number of attempts, e.g. {@code pactum.sharing.webhook-max-attempts}. */
    public WebhookSettings withMaxAttempts(int attempts) {
        return new WebhookSettings(attempts, backoffBase, backoffCap, requestTimeout, pollInterval, batchSize);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
        }
    }
}
