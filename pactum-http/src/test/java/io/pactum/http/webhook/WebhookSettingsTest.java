package io.pactum.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {
    private static final Duration MS = Duration.ofMillis(1);

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(WebhookSettings.DEFAULTS).isEqualTo(new WebhookSettings(12, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5), 100));
    }

    @Test
    void withMaxAttempts_changesOnlyThat() {
        assertThat(WebhookSettings.DEFAULTS.withMaxAttempts(3)).isEqualTo(new WebhookSettings(3,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5), 100));
    }

    @Test
    void invalidSettings_areRefused_sayingWhich() {
        assertThatThrownBy(() -> new WebhookSettings(0, MS, MS, MS, MS, 1)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new WebhookSettings(1, Duration.ZERO, MS, MS, MS, 1)).hasMessageContaining("backoffBase");
        assertThatThrownBy(() -> new WebhookSettings(1, Duration.ofSeconds(2), Duration.ofSeconds(1), MS, MS, 1))
                .hasMessageContaining("backoffCap");
        assertThatThrownBy(() -> new WebhookSettings(1, MS, MS, Duration.ofNanos(5), MS, 1))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> new WebhookSettings(1, MS, MS, MS, Duration.ofSeconds(-1), 1))
                .hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> new WebhookSettings(1, MS, MS, MS, MS, 1_001)).hasMessageContaining("batchSize");
    }
}
