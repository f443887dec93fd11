package io.pactum.http.views;

import io.pactum.core.delivery.DeadLetter;
import java.time.Instant;

/** An event a webhook gave up on, and whether its replay was asked for. */
public record DeadLetterView(String webhookId, long eventId, int attempts, String lastError, Instant deadAt,
        boolean replayRequested) {
    public static DeadLetterView of(DeadLetter d) {
        return new DeadLetterView(d.webhookId(), d.eventId(), d.attempts(), d.lastError(), d.deadAt(),
                d.replayRequested());
    }
}
