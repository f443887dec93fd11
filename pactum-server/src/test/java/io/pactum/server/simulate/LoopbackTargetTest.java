package io.pactum.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The simulator attacks only a hub on this machine, and only within bounds. */
class LoopbackTargetTest {
    @Test
    void loopbackAddresses_areAccepted() {
        assertThat(new LoopbackTarget("127.0.0.1", 1883, 8080).apiBase()).isEqualTo("http://127.0.0.1:8080/api/v1");
        assertThat(new LoopbackTarget("127.0.0.2", 1883, 8080).host()).isEqualTo("127.0.0.2");
        assertThat(new LoopbackTarget("::1", 1883, 8080).host()).isEqualTo("::1");
        assertThat(new LoopbackTarget("localhost", 1883, 8080).host()).isEqualTo("localhost");
    }

    @Test
    void anyOtherHost_isRefused_sayingWhy() {
        assertThatThrownBy(() -> new LoopbackTarget("192.0.2.10", 1883, 8080))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> new LoopbackTarget("0.0.0.0", 1883, 8080))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> new CredentialStuffing(LoopbackTarget.local(1883, 8080),
                CredentialStuffing.DEFAULT_BOUNDS, "10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source address");
    }

    @Test
    void bounds_areRequired_andCapped() {
        assertThatThrownBy(() -> AttackBounds.of(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttackBounds.of(10, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(AttackBounds.of(10, Duration.ofSeconds(1)).maxCount()).isEqualTo(10);
    }
}
