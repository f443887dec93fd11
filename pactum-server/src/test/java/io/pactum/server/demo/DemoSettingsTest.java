package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {
    private static DemoSettings lasting(Duration duration) {
        return new DemoSettings(duration, 5, 1, true);
    }

    @Test
    void duration_from20SecondsTo2Hours_isAccepted() {
        assertThat(lasting(Duration.ofSeconds(20)).duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(lasting(Duration.ofHours(2)).duration()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void duration_outsideItsBounds_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> lasting(Duration.ofSeconds(19)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--duration must be from 20 s to 2 h")
                .hasMessageContaining("not 19 s");
        assertThatThrownBy(() -> lasting(Duration.ofHours(2).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--duration")
                .hasMessageContaining("not 7201 s");
    }

    @Test
    void devices_from2To200_areAccepted() {
        assertThat(new DemoSettings(Duration.ofMinutes(2), 2, 1, true).devicesPerProduct()).isEqualTo(2);
        assertThat(new DemoSettings(Duration.ofMinutes(2), 200, 1, true).devicesPerProduct()).isEqualTo(200);
    }

    @Test
    void devices_outsideTheirBounds_areRefusedNamingTheOption() {
        assertThatThrownBy(() -> new DemoSettings(Duration.ofMinutes(2), 1, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--devices must be from 2 to 200")
                .hasMessageContaining("not 1");
        assertThatThrownBy(() -> new DemoSettings(Duration.ofMinutes(2), 201, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--devices")
                .hasMessageContaining("not 201");
    }

    @Test
    void rate_withinItsBounds_isAccepted() {
        assertThat(new DemoSettings(Duration.ofMinutes(2), 5, 0.05, true).messagesPerSecond()).isEqualTo(0.05);
        assertThat(new DemoSettings(Duration.ofMinutes(2), 5, 10, true).messagesPerSecond()).isEqualTo(10);
    }

    @Test
    void rate_zeroNotANumberOrAboveTen_isRefusedNamingTheOption() {
        for (double rate : new double[] {0, Double.NaN, 10.5, Double.POSITIVE_INFINITY, -1}) {
            assertThatThrownBy(() -> new DemoSettings(Duration.ofMinutes(2), 5, rate, true), String.valueOf(rate))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--rate must be from 0.05 to 10 messages")
                    .hasMessageContaining("not " + rate);
        }
    }

    @Test
    void withdrawalAndAttack_ofTwoMinutes_areCappedAt30And60Seconds() {
        DemoSettings settings = lasting(Duration.ofMinutes(2));

        assertThat(settings.withdrawalAt()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.attackAt()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withdrawalAndAttack_ofAShortRun_areAQuarterAndHalfWay() {
        DemoSettings settings = lasting(Duration.ofSeconds(40));

        assertThat(settings.withdrawalAt()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.attackAt()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void withdrawalAndAttack_ofALongRun_stayAt30And60Seconds() {
        DemoSettings settings = lasting(Duration.ofMinutes(10));

        assertThat(settings.withdrawalAt()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.attackAt()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void allDevicesTogether_mayNotSendMoreThanTheDemosBound() {
        assertThat(new DemoSettings(Duration.ofMinutes(2), 50, 10, true).messagesPerSecond()).isEqualTo(10);
        assertThatThrownBy(() -> new DemoSettings(Duration.ofMinutes(2), 51, 10, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would send 1530 messages a second")
                .hasMessageContaining("at most 1500");
    }
}
