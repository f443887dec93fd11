package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The topic namespace: a device publishes to its own telemetry/events and subscribes to its own commands only. */
class MqttNamespaceIT {
    private static final int V5_NOT_AUTHORIZED = 0x87;
    private static final int V3_SUBSCRIBE_FAILURE = 0x80;

    @TempDir
    Path dataDir;
    final RecordingIngest ingest = new RecordingIngest();
    TestHub hub;
    ProvisionedDevice device;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(dataDir, ingest);
        device = hub.device("meter-1");
        hub.device("meter-2");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void publishToAnotherDevicesTopic_overMqtt5_isRefusedNotAuthorizedAndSignalled() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.publish("devices/meter-2/telemetry", "{\"glucose\":9.9}", 1)).isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.publish("some/other/topic", "x", 1)).isEqualTo(V5_NOT_AUTHORIZED);
        }
        assertThat(ingest.calls()).isEmpty();
        assertThat(hub.signals(SignalType.FORBIDDEN_PUBLISH, "meter-1")).hasSize(2);
    }

    @Test
    void publishToAnotherDevicesTopic_overMqtt311_closesTheConnectionAndIsSignalled() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            try {
                v3.publish("devices/meter-2/telemetry", "{\"glucose\":9.9}", 1);
            } catch (org.eclipse.paho.client.mqttv3.MqttException expected) {
                // the connection closed before the acknowledgement
            }
            v3.awaitConnectionLost();
        }
        assertThat(ingest.calls()).isEmpty();
        assertThat(hub.signals(SignalType.FORBIDDEN_PUBLISH, "meter-1")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"devices/meter-2/commands", "#", "devices/+/commands", "devices/meter-1/#", "$SYS/#",
            "$SYS/broker/clients", "devices/meter-1/telemetry"})
    void forbiddenSubscription_isRefusedPerFilterAndSignalled(String filter) throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.subscribe(filter, 1)).isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.client.isConnected()).isTrue();
        }
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v3.subscribe(filter, 1)).isEqualTo(V3_SUBSCRIBE_FAILURE);
        }
        assertThat(hub.signals(SignalType.FORBIDDEN_SUBSCRIPTION, "meter-1")).hasSize(2);
    }

    @Test
    void subscriptionToOwnCommandTopic_isGrantedAtMostQos1() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.subscribe("devices/meter-1/commands", 2)).isEqualTo(1);
        }
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v3.subscribe("devices/meter-1/commands", 0)).isZero();
        }
        assertThat(hub.signals(SignalType.FORBIDDEN_SUBSCRIPTION, "meter-1")).isEmpty();
    }
}
