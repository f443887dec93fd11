package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ends a device's connection: a takeover, a quarantine, a suspended product, an oversized packet. */
class MqttSessionIT {
    private static final int MAX_BYTES = 1024;

    @TempDir
    Path dataDir;
    final RecordingIngest ingest = new RecordingIngest();
    TestHub hub;
    ProvisionedDevice device;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(dataDir, new MqttSettings("127.0.0.1", 0, MAX_BYTES, 60, null), ingest);
        device = hub.device("meter-1");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void secondConnectionWithSameDeviceId_takesOverAndIsSignalled() throws Exception {
        try (V5Client first = V5Client.connect(hub, "meter-1", device.secret());
                V5Client second = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(first.awaitDisconnect()).isEqualTo(0x8E);
            assertThat(second.publish("devices/meter-1/telemetry", "{\"glucose\":5.0}", 1)).isZero();
        }
        assertThat(hub.signals(SignalType.CLIENT_ID_CONFLICT, "meter-1")).hasSize(1);
    }

    @Test
    void quarantineWhileConnected_disconnectsAtOnceAndDropsMessagesNotYetIngested() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.publish("devices/meter-1/telemetry", "{\"n\":0}", 1)).isZero();
            ingest.hold();
            for (int i = 1; i <= 5; i++) {
                var message = new org.eclipse.paho.mqttv5.common.MqttMessage(("{\"n\":" + i + "}").getBytes());
                message.setQos(1);
                v5.client.publish("devices/meter-1/telemetry", message);
            }
            Thread.sleep(300); // all five received by the hub, the first waiting inside ingest
            Thread quarantine = new Thread(() -> hub.changeState("meter-1", DeviceState.QUARANTINED));
            quarantine.start();
            // The state is stored first, then the adapter is told (and waits for the message in ingest).
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> hub.registry.devices().get(hub.operator, "meter-1").state() == DeviceState.QUARANTINED);
            Thread.sleep(200);
            ingest.release(); // the message already inside ingest completes; the rest must be dropped
            quarantine.join(10_000);
            assertThat(v5.awaitDisconnect()).isEqualTo(0x87);
        }
        Thread.sleep(500);
        assertThat(ingest.texts()).containsExactly("{\"n\":0}", "{\"n\":1}");
    }

    @Test
    void productSuspendedWhileConnected_disconnectsItsDevicesDropsTheirDataAndRefusesReconnect() throws Exception {
        ProvisionedDevice v3Device = hub.device("meter-2");
        Product other = hub.anotherProduct("GlucoSense Pro");
        ProvisionedDevice otherDevice = hub.device("pro-1", other, null);
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret());
                V3Client v3 = V3Client.connect(hub, "meter-2", v3Device.secret());
                V5Client unaffected = V5Client.connect(hub, "pro-1", otherDevice.secret())) {
            assertThat(v5.publish("devices/meter-1/telemetry", "{\"n\":0}", 1)).isZero();
            ingest.hold();
            for (int i = 1; i <= 5; i++) {
                var message = new org.eclipse.paho.mqttv5.common.MqttMessage(("{\"n\":" + i + "}").getBytes());
                message.setQos(1);
                v5.client.publish("devices/meter-1/telemetry", message);
            }
            Thread.sleep(300); // all five received by the hub, the first waiting inside ingest
            Thread suspend = new Thread(hub::suspendProduct);
            suspend.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.registry.products()
                    .get(hub.operator, hub.product.id()).approvalState() == ApprovalState.SUSPENDED);
            Thread.sleep(200);
            ingest.release(); // the message already inside ingest completes; the rest must be dropped
            suspend.join(10_000);
            assertThat(v5.awaitDisconnect()).as("MQTT 5 DISCONNECT Not authorized").isEqualTo(0x87);
            v3.awaitConnectionLost();
            assertThat(unaffected.client.isConnected()).as("a device of another product stays").isTrue();
            assertThat(unaffected.publish("devices/pro-1/telemetry", "{\"still\":true}", 1)).isZero();
        }
        Thread.sleep(500);
        assertThat(ingest.texts()).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"still\":true}");
        var refused = catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                () -> V5Client.connect(hub, "meter-1", device.secret()));
        assertThat(refused.getReasonCode()).isEqualTo(0x87);
    }

    @Test
    void productSuspendedAndApprovedAgain_admitsItsDevicesAgain() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            hub.suspendProduct();
            assertThat(v5.awaitDisconnect()).isEqualTo(0x87);
        }
        hub.registry.products().decide(hub.operator, hub.product.id(),
                new ApprovalDecision(ApprovalState.APPROVED, "fixed"));
        try (V5Client again = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(again.publish("devices/meter-1/telemetry", "{\"back\":1}", 1)).isZero();
        }
        assertThat(ingest.texts()).containsExactly("{\"back\":1}");
    }

    @Test
    void quarantineWhileConnected_overMqtt311_closesTheConnection() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            hub.changeState("meter-1", DeviceState.QUARANTINED);
            v3.awaitConnectionLost();
            assertThat(v3.client.isConnected()).isFalse();
        }
    }

    @Test
    void oversizedPublish_disconnectsWithPacketTooLargeAndIsSignalled() throws Exception {
        String tooLarge = "x".repeat(MAX_BYTES + 10);
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            try {
                v3.publish("devices/meter-1/telemetry", tooLarge, 1);
            } catch (org.eclipse.paho.client.mqttv3.MqttException expected) {
                // the connection closed before the acknowledgement
            }
            v3.awaitConnectionLost();
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> hub.signals(SignalType.OVERSIZED_MESSAGE, "meter-1").size() == 1);
        assertThat(ingest.calls()).isEmpty();
    }

    @Test
    void publishJustUnderTheLimit_isAccepted() throws Exception {
        // Fixed header 3 bytes, topic 2 + 25, packet id 2, properties length 1.
        String payload = "x".repeat(MAX_BYTES - 3 - 27 - 2 - 1);
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.publish("devices/meter-1/telemetry", payload, 1)).isZero();
        }
        assertThat(ingest.calls()).hasSize(1);
    }
}
