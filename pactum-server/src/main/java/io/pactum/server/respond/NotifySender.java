package io.pactum.server.respond;

import io.pactum.http.webhook.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes one signed POST of a notification body. The signature is the partner webhooks' own
 * ({@link WebhookSignature}, documented in {@code docs/webhooks.md}), so receivers verify both the
 * same way; each attempt is signed afresh with its own timestamp. Redirects are not followed and
 * the response body is discarded unread.
 */
final class NotifySender {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final String USER_AGENT = "Pactum-Notify/1";

    /** What one attempt came to; {@code error} is a status or an exception class, never a body. */
    record Outcome(boolean delivered, boolean retryable, String error) {
        static final Outcome DELIVERED = new Outcome(true, false, "");
    }

    private final URI uri;
    private final byte[] key;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    NotifySender(URI uri, byte[] key, Clock clock) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.key = key.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Blocks for at most the connect plus request timeout; never throws. */
    Outcome post(String body) {
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return ofStatus(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return new Outcome(false, true, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: give up without retrying
            return new Outcome(false, false, "interrupted");
        } catch (RuntimeException e) {
            return new Outcome(false, false, e.getClass().getSimpleName());
        }
    }

    /** As for partner webhooks: 2xx delivered; 408, 429 and 5xx worth retrying; anything else refused. */
    static Outcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500 && status < 600;
        return new Outcome(false, retryable, "HTTP " + status);
    }
}
