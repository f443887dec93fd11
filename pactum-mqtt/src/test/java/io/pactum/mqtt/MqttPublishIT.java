package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.IngestOutcome;
import io.pactum.core.ingest.RejectReason;
import io.pactum.core.registry.ProvisionedDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUBLISH to the device's own topics: what reaches the ingest path, and what the device is told. */
class MqttPublishIT {
    @TempDir
    Path dataDir;
    final RecordingIngest ingest = new RecordingIngest();
    TestHub hub;
    ProvisionedDevice device;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(dataDir, ingest);
        device = hub.device("meter-1");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void publish_overMqtt5_reachesIngestWithChannelPayloadAndProvenance(int qos) throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.publish("devices/meter-1/telemetry", "{\"glucose\":5.4}", qos)).isZero();
            assertThat(v5.publish("devices/meter-1/events", "{\"alarm\":true}", qos)).isZero();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ingest.calls().size() == 2);
        RecordingIngest.Call telemetry = ingest.calls().get(0);
        assertThat(telemetry.deviceId()).isEqualTo("meter-1");
        assertThat(telemetry.text()).isEqualTo("{\"glucose\":5.4}");
        assertThat(telemetry.message().channel()).isEqualTo(Channel.TELEMETRY);
        assertThat(telemetry.message().adapter()).isEqualTo("mqtt");
        assertThat(telemetry.message().source()).as("the address alone: the adapter is a field of its own")
                .matches("127\\.0\\.0\\.1:\\d+");
        assertThat(telemetry.message().redelivery()).isFalse();
        assertThat(telemetry.threadName()).doesNotContain("eventloop");
        assertThat(ingest.calls().get(1).message().channel()).isEqualTo(Channel.EVENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void publish_overMqtt311_reachesIngest(int qos) throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            v3.publish("devices/meter-1/telemetry", "{\"glucose\":6.1}", qos);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ingest.calls().size() == 1);
        assertThat(ingest.texts()).containsExactly("{\"glucose\":6.1}");
    }

    @Test
    void publishAtQos1_isAcknowledgedOnlyAfterIngestReturned() throws Exception {
        ingest.hold();
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            var message = new org.eclipse.paho.mqttv5.common.MqttMessage("{\"glucose\":5.0}".getBytes());
            message.setQos(1);
            var token = v5.client.publish("devices/meter-1/telemetry", message);
            Thread.sleep(500);
            assertThat(token.isComplete()).as("acknowledged before the message was stored").isFalse();
            ingest.release();
            token.waitForCompletion(5_000);
            assertThat(ingest.calls()).hasSize(1);
        }
    }

    @Test
    void manyMessages_areIngestedInTheOrderTheDeviceSentThem() throws Exception {
        List<String> sent = IntStream.range(0, 300).mapToObj(i -> "{\"n\":" + i + "}").toList();
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            List<org.eclipse.paho.mqttv5.client.IMqttToken> tokens = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                var message = new org.eclipse.paho.mqttv5.common.MqttMessage(sent.get(i).getBytes());
                message.setQos(i % 2);
                tokens.add(v5.client.publish("devices/meter-1/telemetry", message));
            }
            for (var token : tokens) {
                token.waitForCompletion(10_000);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.calls().size() == sent.size());
        assertThat(ingest.texts()).containsExactlyElementsOf(sent);
    }

    @Test
    void rejectedMessage_overMqtt5_getsPubackReasonCodeForItsReason() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            ingest.answerWith(m -> new IngestOutcome.Rejected(RejectReason.INTEGRITY_FAILURE, "bad tag"));
            assertThat(v5.publish("devices/meter-1/telemetry", "tampered", 1)).isEqualTo(0x87);
            ingest.answerWith(m -> new IngestOutcome.Rejected(RejectReason.MALFORMED_PAYLOAD, "not JSON"));
            assertThat(v5.publish("devices/meter-1/telemetry", "garbage", 1)).isEqualTo(0x99);
            ingest.answerWith(m -> new IngestOutcome.Rejected(RejectReason.TOO_LARGE, "too large"));
            assertThat(v5.publish("devices/meter-1/telemetry", "big", 1)).isEqualTo(0x97);
            ingest.answerWith(RecordingIngest::accept);
            assertThat(v5.publish("devices/meter-1/telemetry", "{\"glucose\":5.0}", 1))
                    .as("the connection stays usable after a rejection").isZero();
        }
    }

    @Test
    void rejectedMessage_overMqtt311_isAcknowledgedAndTheConnectionStays() throws Exception {
        ingest.answerWith(m -> new IngestOutcome.Rejected(RejectReason.REPLAY, "counter used before"));
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            v3.publish("devices/meter-1/telemetry", "replayed", 1);
            assertThat(v3.client.isConnected()).isTrue();
        }
        assertThat(ingest.calls()).hasSize(1);
    }

    @Test
    void retainedPublish_overMqtt311_isIngestedAsAnOrdinaryMessage() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            var message = new org.eclipse.paho.client.mqttv3.MqttMessage("{\"glucose\":5.0}".getBytes());
            message.setQos(1);
            message.setRetained(true);
            v3.client.publish("devices/meter-1/telemetry", message).waitForCompletion(10_000);
            assertThat(v3.client.isConnected()).isTrue();
        }
        assertThat(ingest.texts()).containsExactly("{\"glucose\":5.0}");
    }
}
