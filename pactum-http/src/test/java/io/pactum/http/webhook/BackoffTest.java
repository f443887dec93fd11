package io.pactum.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void delay_doublesFromTheBase_upToTheCap_withTheUpperHalfRandom() {
        Backoff lowest = new Backoff(BASE, CAP, () -> 0.0);
        Backoff highest = new Backoff(BASE, CAP, () -> 0.999_999);

        assertThat(lowest.delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(highest.delay(1, null)).isEqualTo(Duration.ofMillis(999));
        assertThat(lowest.delay(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(highest.delay(4, null)).isEqualTo(Duration.ofMillis(7_999));
        assertThat(lowest.delay(9, null)).isEqualTo(Duration.ofMillis(128_000));
        assertThat(lowest.delay(10, null)).isEqualTo(Duration.ofMillis(150_000)); // 512 s capped at 300 s
        assertThat(highest.delay(1_000, null)).isLessThan(CAP);
    }

    @Test
    void delay_waitsAtLeastWhatRetryAfterAsks_butNeverBeyondTheCap() {
        Backoff backoff = new Backoff(BASE, CAP, () -> 0.0);

        assertThat(backoff.delay(1, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
        assertThat(backoff.delay(3, Duration.ofHours(6))).isEqualTo(CAP);
        assertThat(backoff.delay(3, Duration.ofSeconds(Long.MAX_VALUE / 1_000))).isEqualTo(CAP);
    }

    @Test
    void delay_withAShortRetryAfter_stillBacksOff_soTheAttemptsAreNotSpentAtOnce() {
        Backoff backoff = new Backoff(BASE, CAP, () -> 0.0);

        assertThat(backoff.delay(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(4, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void delay_needsAFailure() {
        assertThatThrownBy(() -> new Backoff(BASE, CAP, () -> 0.0).delay(0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
