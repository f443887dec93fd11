package io.pactum.http.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one delivery attempt came to. {@code error} names a status code ({@code "HTTP 503"}) or an
 * error class ({@code "ConnectException"}), never anything the receiver sent back.
 */
sealed interface AttemptOutcome {
    /** The receiver answered 2xx: the event is delivered. */
    record Delivered(int status) implements AttemptOutcome {}

    /** Worth trying again later; {@code retryAfter} is the receiver's {@code Retry-After}, if it sent one. */
    record Retry(String error, @Nullable Duration retryAfter) implements AttemptOutcome {
        public Retry {
            Objects.requireNonNull(error, "error");
        }
    }

    /** Trying again would not help (the receiver refused the request): dead-letter at once. */
    record Failed(String error) implements AttemptOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Classifies a response status: 2xx delivered; 408, 429 and 5xx retried (429 and 503 with
     * their {@code Retry-After}); anything else (redirects are not followed, other 4xx) failed.
     */
    static AttemptOutcome ofStatus(int status, @Nullable String retryAfterHeader, Instant now) {
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        String error = "HTTP " + status;
        if (status == 429 || status == 503) {
            return new Retry(error, RetryAfter.parse(retryAfterHeader, now));
        }
        if (status == 408 || status >= 500 && status < 600) {
            return new Retry(error, null);
        }
        return new Failed(error);
    }

    /**
     * A network error, a timeout or a refused address: retried, named by its class only (Netty's
     * {@code Annotated...} variants, which only add the address to the message, by their JDK parent).
     */
    static AttemptOutcome ofError(Throwable error) {
        Class<?> type = error.getClass();
        while (type.getSimpleName().startsWith("Annotated") && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return new Retry(type.getSimpleName(), null);
    }
}
