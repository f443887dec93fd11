package io.pactum.core.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * An event a webhook gave up on: after {@code attempts} tries, the last failing with
 * {@code lastError} (a status code or a network error, never a response body). It stays in the
 * outbox and can be replayed through the API ({@code replayRequested} until the replay succeeds).
 */
public record DeadLetter(String webhookId, long eventId, int attempts, String lastError, Instant deadAt,
        boolean replayRequested) {
    public DeadLetter {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(deadAt, "deadAt");
    }
}
