package io.pactum.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptOutcomeTest {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void status2xx_isDelivered(int status) {
        assertThat(AttemptOutcome.ofStatus(status, null, NOW)).isEqualTo(new AttemptOutcome.Delivered(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
    void timeoutsThrottlingAndServerErrors_areRetried(int status) {
        assertThat(AttemptOutcome.ofStatus(status, null, NOW))
                .isEqualTo(new AttemptOutcome.Retry("HTTP " + status, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 301, 302, 307, 400, 401, 403, 404, 409, 410, 413, 422, 600})
    void otherStatuses_fail_withoutRetry(int status) {
        assertThat(AttemptOutcome.ofStatus(status, "5", NOW)).isEqualTo(new AttemptOutcome.Failed("HTTP " + status));
    }

    @Test
    void retryAfter_isTakenFrom429And503Only() {
        assertThat(AttemptOutcome.ofStatus(429, "7", NOW))
                .isEqualTo(new AttemptOutcome.Retry("HTTP 429", Duration.ofSeconds(7)));
        assertThat(AttemptOutcome.ofStatus(503, "8", NOW))
                .isEqualTo(new AttemptOutcome.Retry("HTTP 503", Duration.ofSeconds(8)));
        assertThat(AttemptOutcome.ofStatus(500, "9", NOW)).isEqualTo(new AttemptOutcome.Retry("HTTP 500", null));
    }

    @Test
    void nettysAnnotatedErrors_areNamedByTheirJdkParent() {
        Throwable annotated = new AnnotatedConnectException("Connection refused: /10.0.0.1:443");

        assertThat(AttemptOutcome.ofError(annotated)).isEqualTo(new AttemptOutcome.Retry("ConnectException", null));
    }

    /** Shaped as Netty's: the JDK exception with the address added to its message. */
    private static final class AnnotatedConnectException extends ConnectException {
        private static final long serialVersionUID = 1L;

        AnnotatedConnectException(String message) {
            super(message);
        }
    }

    @Test
    void errors_areRetried_andNamedByTheirClassOnly() {
        assertThat(AttemptOutcome.ofError(new ConnectException("Connection refused: secret-host/10.0.0.1:443")))
                .isEqualTo(new AttemptOutcome.Retry("ConnectException", null));
    }
}
