package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSettingsTest {
    @Test
    void defaults_areValid() {
        assertThat(MqttSettings.defaults("127.0.0.1", 0).maxMessageBytes())
                .isEqualTo(MqttSettings.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Test
    void outOfRangeValues_areRefusedWithWhatToFix() {
        assertThatThrownBy(() -> new MqttSettings(" ", 0, 1024, 60, null)).hasMessageContaining("host");
        assertThatThrownBy(() -> new MqttSettings("0.0.0.0", 70_000, 1024, 60, null)).hasMessageContaining("port");
        assertThatThrownBy(() -> new MqttSettings("0.0.0.0", 0, 10, 60, null)).hasMessageContaining("maxMessageBytes");
        assertThatThrownBy(() -> new MqttSettings("0.0.0.0", 0, 1024, 0, null))
                .hasMessageContaining("maxKeepAliveSeconds");
    }

    @Test
    void tlsWithMissingFiles_isRefused() {
        assertThatThrownBy(() -> new TlsSettings(0, Path.of("/nonexistent/cert.pem"),
                Path.of("/nonexistent/key.pem"), null)).hasMessageContaining("certificate");
    }

    @Test
    void noListenerAtAll_andTlsPortOutOfRange_areRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new MqttSettings("0.0.0.0", MqttSettings.DISABLED, 1024, 60, null))
                .hasMessageContaining("TLS listener");
        assertThatThrownBy(() -> new MqttSettings("0.0.0.0", -2, 1024, 60, null)).hasMessageContaining("port");
        Path pem = Files.writeString(dir.resolve("any.pem"), "not checked here");
        assertThatThrownBy(() -> new TlsSettings(70_000, pem, pem, null)).hasMessageContaining("TLS port");
        assertThatThrownBy(() -> new TlsSettings(-1, pem, pem, null)).hasMessageContaining("TLS port");
        MqttSettings tlsOnly = new MqttSettings("0.0.0.0", MqttSettings.DISABLED, 1024, 60,
                new TlsSettings(0, pem, pem, null));
        assertThat(tlsOnly.plain()).isFalse();
    }

    @Test
    void subscriptionRefusals_nameTheKindOfFilter() {
        assertThat(DeviceTopics.subscriptionRefusal("m-1", "devices/m-1/commands")).isEmpty();
        assertThat(DeviceTopics.subscriptionRefusal("m-1", "#")).contains(TopicRefusal.WILDCARD);
        assertThat(DeviceTopics.subscriptionRefusal("m-1", "$SYS/#")).contains(TopicRefusal.SYSTEM_TOPIC);
        assertThat(DeviceTopics.subscriptionRefusal("m-1", "$share/g/devices/m-1/commands"))
                .contains(TopicRefusal.SHARED_SUBSCRIPTION);
        assertThat(DeviceTopics.subscriptionRefusal("m-1", "devices/m-2/commands"))
                .contains(TopicRefusal.FOREIGN_DEVICE);
        assertThat(DeviceTopics.subscriptionRefusal("m-1", "devices/m-1/telemetry"))
                .contains(TopicRefusal.NOT_A_COMMAND_TOPIC);
        assertThat(DeviceTopics.publishChannel("m-1", "devices/m-10/telemetry")).isEmpty();
    }
}
