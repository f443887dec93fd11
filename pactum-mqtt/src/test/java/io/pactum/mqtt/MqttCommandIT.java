package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.command.Command;
import io.pactum.core.command.CommandService;
import io.pactum.core.command.CommandState;
import io.pactum.core.command.DeliveryResult;
import io.pactum.core.command.NewCommand;
import io.pactum.core.integrity.HubSigner;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import io.pactum.sdk.HubCommand;
import io.pactum.sdk.HubCommandReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands over MQTT with the real command service over the H2 stores: signed by the hub, delivered
 * on the device's command topic, acknowledged, and answered on the device's responses topic.
 */
class MqttCommandIT {
    private static final int V5_SUCCESS = 0;
    private static final int V5_NOT_AUTHORIZED = 0x87;
    private static final int V5_PAYLOAD_FORMAT_INVALID = 0x99;

    @TempDir
    Path dataDir;
    final RecordingIngest ingest = new RecordingIngest();
    TestHub hub;
    CommandService commands;
    KeyPair hubKeys;
    ProvisionedDevice device;
    ProvisionedDevice other;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(dataDir, ingest);
        hubKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        commands = new CommandService(hub.database.commands(), hub.database.stores().devices(),
                new HubSigner(hubKeys.getPrivate(), hubKeys.getPublic()), Clock.systemUTC());
        commands.useDelivery(hub.adapter);
        hub.adapter.useCommandResponses(commands::recordResponse);
        device = hub.device("pump-1");
        other = hub.device("pump-2");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static NewCommand setPoint(double value) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("target", value).put("unit", "mmol/L");
        return new NewCommand("set-point", parameters);
    }

    private Command send(String deviceId, NewCommand request) {
        return commands.send(hub.operator, deviceId, request);
    }

    @Test
    void command_toSubscribedMqtt5Device_isDeliveredVerifiedAndAnswered() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "pump-1", device.secret())) {
            assertThat(v5.subscribe("devices/pump-1/commands", 1)).isEqualTo(1);
            Command sent = send("pump-1", setPoint(6.5));
            assertThat(sent.state()).isEqualTo(CommandState.DELIVERED);

            V5Client.Received received = v5.received.poll(5, TimeUnit.SECONDS);
            assertThat(received).isNotNull();
            assertThat(received.topic()).isEqualTo("devices/pump-1/commands");
            assertThat(received.qos()).isEqualTo(1);
            HubCommandReceiver receiver = new HubCommandReceiver(hubKeys.getPublic(), 0);
            HubCommand command = receiver.accept(received.payload());
            assertThat(command.id()).isEqualTo(sent.id());
            assertThat(command.name()).isEqualTo("set-point");
            assertThat(command.parameters().path("target").asDouble()).isEqualTo(6.5);
            assertThat(command.parameters().path("unit").asText()).isEqualTo("mmol/L");
            assertThat(command.counter()).isEqualTo(sent.counter()).isEqualTo(1);

            assertThat(v5.publish(command.responseTopic("pump-1"), "{\"ok\":true}", 1)).isEqualTo(V5_SUCCESS);
            Command answered = commands.get(hub.operator, "pump-1", sent.id());
            assertThat(answered.state()).isEqualTo(CommandState.RESPONDED);
            assertThat(answered.response()).isEqualTo("{\"ok\":true}");

            // The next command carries the next counter; the receiver accepts it, a replay it refuses.
            Command second = send("pump-1", setPoint(7.0));
            V5Client.Received next = v5.received.poll(5, TimeUnit.SECONDS);
            assertThat(next).isNotNull();
            assertThat(receiver.accept(next.payload()).counter()).isEqualTo(second.counter()).isEqualTo(2);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> receiver.accept(received.payload())))
                    .isInstanceOf(SecurityException.class);
        }
        assertThat(ingest.calls()).as("responses are not telemetry").isEmpty();
    }

    @Test
    void command_toSubscribedMqtt311Device_isDeliveredVerifiedAndAnswered() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "pump-1", device.secret())) {
            assertThat(v3.subscribe("devices/pump-1/commands", 1)).isEqualTo(1);
            Command sent = send("pump-1", setPoint(5.0));
            assertThat(sent.state()).isEqualTo(CommandState.DELIVERED);

            V5Client.Received received = v3.received.poll(5, TimeUnit.SECONDS);
            assertThat(received).isNotNull();
            HubCommand command = new HubCommandReceiver(hubKeys.getPublic(), 0).accept(received.payload());
            assertThat(command.id()).isEqualTo(sent.id());
            assertThat(command.name()).isEqualTo("set-point");
            assertThat(command.parameters().path("target").asDouble()).isEqualTo(5.0);
            assertThat(command.counter()).isEqualTo(1);

            v3.publish(command.responseTopic("pump-1"), "done", 1);
            Command answered = commands.get(hub.operator, "pump-1", sent.id());
            assertThat(answered.state()).isEqualTo(CommandState.RESPONDED);
            assertThat(answered.response()).isEqualTo("done");
        }
        assertThat(ingest.calls()).isEmpty();
    }

    @Test
    void command_toDeviceSubscribedAtQos0_isPublishedAtQos0AndDelivered() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "pump-1", device.secret())) {
            assertThat(v5.subscribe("devices/pump-1/commands", 0)).isEqualTo(0);
            assertThat(send("pump-1", setPoint(4.0)).state()).isEqualTo(CommandState.DELIVERED);
            V5Client.Received received = v5.received.poll(5, TimeUnit.SECONDS);
            assertThat(received).isNotNull();
            assertThat(received.qos()).isEqualTo(0);
        }
    }

    @Test
    void command_toOfflineDevice_isUndeliverable() {
        Command sent = send("pump-1", setPoint(6.0));
        assertThat(sent.state()).isEqualTo(CommandState.UNDELIVERABLE);
        assertThat(sent.detail()).isEqualTo("the device is not connected");
    }

    @Test
    void command_toConnectedDeviceNotSubscribed_isUndeliverable() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "pump-1", device.secret())) {
            Command sent = send("pump-1", setPoint(6.0));
            assertThat(sent.state()).isEqualTo(CommandState.UNDELIVERABLE);
            assertThat(sent.detail()).isEqualTo(DeliveryResult.NOT_SUBSCRIBED.description());
            assertThat(v5.received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void command_afterUnsubscribe_isUndeliverable() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "pump-1", device.secret())) {
            v3.subscribe("devices/pump-1/commands", 1);
            v3.client.unsubscribe("devices/pump-1/commands").waitForCompletion(5_000);
            assertThat(send("pump-1", setPoint(6.0)).detail()).isEqualTo(DeliveryResult.NOT_SUBSCRIBED.description());
        }
    }

    @Test
    void command_whoseConnectionEndsBeforeThePuback_isNotAcknowledged() throws Exception {
        V5Client v5 = V5Client.connect(hub, "pump-1", device.secret());
        try {
            v5.subscribe("devices/pump-1/commands", 1);
            v5.client.setManualAcks(true); // receives, never acknowledges
            CompletableFuture<Command> sending = CompletableFuture.supplyAsync(() -> send("pump-1", setPoint(6.0)));
            assertThat(v5.received.poll(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(sending).isNotDone();
            v5.client.disconnectForcibly(0, 1_000, false);
            Command sent = sending.get(5, TimeUnit.SECONDS);
            assertThat(sent.state()).isEqualTo(CommandState.UNDELIVERABLE);
            assertThat(sent.detail()).isEqualTo(DeliveryResult.NOT_ACKNOWLEDGED.description());
        } finally {
            v5.close();
        }
    }

    @Test
    void command_neverAcknowledged_isNotAcknowledgedAfterTheTimeout() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "pump-1", device.secret())) {
            v3.subscribe("devices/pump-1/commands", 1);
            v3.client.setManualAcks(true); // receives, never acknowledges
            long started = System.nanoTime();
            Command sent = send("pump-1", setPoint(6.0));
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(MqttAdapter.COMMAND_ACK_TIMEOUT_MILLIS));
            assertThat(sent.state()).isEqualTo(CommandState.UNDELIVERABLE);
            assertThat(sent.detail()).isEqualTo(DeliveryResult.NOT_ACKNOWLEDGED.description());
            assertThat(v3.received).hasSize(1);
        }
    }

    @Test
    void responseOnOwnTopic_forAnotherDevicesCommand_doesNotAnswerIt() throws Exception {
        Command foreign;
        try (V5Client v5 = V5Client.connect(hub, "pump-2", other.secret())) {
            v5.subscribe("devices/pump-2/commands", 1);
            foreign = send("pump-2", setPoint(6.0));
            assertThat(foreign.state()).isEqualTo(CommandState.DELIVERED);
        }
        try (V5Client v5 = V5Client.connect(hub, "pump-1", device.secret())) {
            assertThat(v5.publish("devices/pump-1/responses/" + foreign.id(), "forged", 1)).isEqualTo(V5_SUCCESS);
        }
        Command after = commands.get(hub.operator, "pump-2", foreign.id());
        assertThat(after.state()).isEqualTo(CommandState.DELIVERED);
        assertThat(after.response()).isNull();
    }

    @Test
    void responseOnAnotherDevicesTopic_isRefusedAsForbiddenPublish() throws Exception {
        Command foreign;
        try (V5Client v5 = V5Client.connect(hub, "pump-2", other.secret())) {
            v5.subscribe("devices/pump-2/commands", 1);
            foreign = send("pump-2", setPoint(6.0));
        }
        try (V5Client v5 = V5Client.connect(hub, "pump-1", device.secret())) {
            assertThat(v5.publish("devices/pump-2/responses/" + foreign.id(), "forged", 1))
                    .isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.publish("devices/pump-1/responses/bad/id", "x", 1)).isEqualTo(V5_NOT_AUTHORIZED);
        }
        assertThat(commands.get(hub.operator, "pump-2", foreign.id()).state()).isEqualTo(CommandState.DELIVERED);
        assertThat(hub.signals(SignalType.FORBIDDEN_PUBLISH, "pump-1")).hasSize(2);
    }

    @Test
    void response_notUtf8OrTooLarge_isRefusedPayloadFormatInvalidOverMqtt5() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "pump-1", device.secret())) {
            v5.subscribe("devices/pump-1/commands", 1);
            Command sent = send("pump-1", setPoint(6.0));
            String topic = "devices/pump-1/responses/" + sent.id();
            org.eclipse.paho.mqttv5.common.MqttMessage notUtf8 =
                    new org.eclipse.paho.mqttv5.common.MqttMessage(new byte[] {(byte) 0xC3, (byte) 0x28});
            notUtf8.setQos(1);
            var token = v5.client.publish(topic, notUtf8);
            token.waitForCompletion(10_000);
            assertThat(token.getReasonCodes()[0]).isEqualTo(V5_PAYLOAD_FORMAT_INVALID);
            assertThat(v5.publish(topic, "x".repeat(Command.MAX_RESPONSE_BYTES + 1), 1))
                    .isEqualTo(V5_PAYLOAD_FORMAT_INVALID);
            assertThat(commands.get(hub.operator, "pump-1", sent.id()).state()).isEqualTo(CommandState.DELIVERED);
            assertThat(v5.publish(topic, "ok", 1)).isEqualTo(V5_SUCCESS);
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> commands.get(hub.operator, "pump-1", sent.id()).state() == CommandState.RESPONDED);
        }
    }

    @Test
    void deliver_onAnEventLoop_isRefused() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        hub.vertx.runOnContext(v -> {
            try {
                hub.adapter.deliver("pump-1", "c1", "x".getBytes(StandardCharsets.UTF_8));
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });
        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }
}
