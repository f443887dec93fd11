package io.pactum.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.core.command.Command;
import io.pactum.core.command.NewCommand;
import io.pactum.core.command.PartnerCommands;
import io.pactum.core.error.ErrorCode;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.PactumException;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SignalType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.MqttPubRelMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubCompReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's publishes: commands on {@code partners/{org}/commands/{device}}, each parsed and sent
 * (blocking) in the client's lane of {@link MqttAdapter#commandLanes}, then acknowledged on the
 * event loop (PUBACK, or PUBREC and PUBCOMP at QoS 2; MQTT 5 refuses with a reason code, 3.1.1 only
 * in the result) and answered with a result on the command results topic if the partner subscribed
 * to it. Publishes to any other topic are refused. Event loop only, except {@link #command}.
 */
final class PartnerCommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Commands received and not yet answered; beyond this the partner sends faster than they are handled. */
    static final int MAX_PENDING_COMMANDS = 100;

    private final PartnerConnection connection;
    private final MqttEndpoint endpoint;
    private final PartnerCommands commands;
    private final IngestLanes lanes;
    private final PartnerSubscriptions subscriptions;
    private final PacketIds packetIds;

    // Event loop only, from here on.
    private int pendingCommands;
    /** QoS 2 commands received and not yet released, each completing once its PUBREC is due. */
    private final Map<Integer, Future<Void>> awaitingRelease = new HashMap<>();

    /** What became of a command: the result message, and the MQTT 5 acknowledgement. */
    private record CommandOutcome(String resultJson, MqttPubAckReasonCode code, @Nullable String reason) {}

    PartnerCommandHandler(PartnerConnection connection, PartnerCommands commands, IngestLanes lanes,
            PartnerSubscriptions subscriptions, PacketIds packetIds) {
        this.connection = connection;
        this.endpoint = connection.endpoint;
        this.commands = commands;
        this.lanes = lanes;
        this.subscriptions = subscriptions;
        this.packetIds = packetIds;
    }

    void onPublish(MqttPublishMessage message) {
        if (message.isRetain() && connection.mqtt5) {
            connection.disconnect(MqttDisconnectReasonCode.RETAIN_NOT_SUPPORTED);
            return;
        }
        Optional<String> pseudonym = PartnerTopics.commandPseudonym(connection.organisationId, message.topicName());
        if (pseudonym.isEmpty()) {
            refusePublish(message);
            return;
        }
        MqttQoS qos = message.qosLevel();
        int packetId = message.messageId();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            Future<Void> known = awaitingRelease.get(packetId);
            if (known != null) {
                // A retransmission of a command being handled: acknowledged again, not sent twice.
                known.onSuccess(v -> connection.ifConnected(() -> endpoint.publishReceived(packetId)));
                return;
            }
        }
        if (pendingCommands >= MAX_PENDING_COMMANDS) {
            LOG.warn("partner {} has {} commands waiting; disconnecting it", connection.clientId, pendingCommands);
            connection.disconnect(MqttDisconnectReasonCode.QUOTA_EXCEEDED);
            return;
        }
        Promise<Void> received = Promise.promise();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            awaitingRelease.put(packetId, received.future());
        }
        pendingCommands++;
        byte[] payload = message.payload().getBytes();
        byte @Nullable [] correlation = connection.mqtt5
                ? (byte[]) PartnerConnection.property(message.properties(), MqttProperties.CORRELATION_DATA) : null;
        Principal caller = connection.principal();
        String device = pseudonym.get();
        lanes.submit(connection.clientId, () -> {
            CommandOutcome outcome = command(caller, device, payload);
            connection.onLoop(v -> commanded(qos, packetId, device, outcome, correlation, received));
        });
    }

    /** Blocking, in the client's command lane: parses and sends one command; never throws. */
    private CommandOutcome command(Principal caller, String devicePseudonym, byte[] payload) {
        ObjectNode result = JSON.createObjectNode();
        result.put("devicePseudonym", devicePseudonym);
        NewCommand request;
        try {
            request = parseCommand(payload);
        } catch (PactumException e) {
            return refused(result, e.code(), e.getMessage(), MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID);
        }
        result.put("name", request.name());
        try {
            Command command = commands.send(caller, devicePseudonym, request);
            result.put("accepted", true);
            result.put("commandId", command.id());
            result.put("state", command.state().name().toLowerCase(Locale.ROOT));
            if (command.detail() != null) {
                result.put("detail", command.detail());
            }
            return new CommandOutcome(result.toString(), MqttPubAckReasonCode.SUCCESS, null);
        } catch (PactumException e) {
            MqttPubAckReasonCode code = e.code() == ErrorCode.INVALID_INPUT
                    ? MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID : MqttPubAckReasonCode.NOT_AUTHORIZED;
            return refused(result, e.code(), e.getMessage(), code);
        } catch (RuntimeException | Error e) {
            LOG.warn("command of partner {} failed: {}", connection.clientId, e.toString());
            return refused(result, ErrorCode.UNAVAILABLE, "the hub could not handle the command",
                    MqttPubAckReasonCode.UNSPECIFIED_ERROR);
        }
    }

    private static CommandOutcome refused(ObjectNode result, ErrorCode error, String reason, MqttPubAckReasonCode code) {
        result.put("accepted", false);
        result.put("error", error.slug());
        result.put("reason", reason);
        return new CommandOutcome(result.toString(), code, reason);
    }

    /** {@code {"name": "...", "parameters": {...}}}; parameters may be left out. */
    static NewCommand parseCommand(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            throw new InvalidInputException(null, "the command is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(null, "the command must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("name") && !name.equals("parameters")) {
                throw new InvalidInputException(name, "unknown member '" + name
                        + "'; a command has a name and parameters");
            }
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual()) {
            throw new InvalidInputException("name", "name must be a string");
        }
        JsonNode parameters = node.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw new InvalidInputException("parameters", "parameters must be a JSON object");
        }
        return new NewCommand(name.asText(), parameters instanceof ObjectNode object ? object : null);
    }

    /** Back on the event loop: acknowledges the command, then publishes its result (if subscribed to it). */
    private void commanded(MqttQoS qos, int packetId, String devicePseudonym, CommandOutcome outcome,
            byte @Nullable [] correlation, Promise<Void> received) {
        pendingCommands--;
        if (connection.ended()) {
            awaitingRelease.remove(packetId);
            return;
        }
        boolean mqtt5 = connection.mqtt5;
        boolean success = outcome.code() == MqttPubAckReasonCode.SUCCESS || !mqtt5;
        MqttProperties reason = outcome.reason() != null ? connection.reasonString(outcome.reason())
                : MqttProperties.NO_PROPERTIES;
        switch (qos) {
            case AT_LEAST_ONCE -> connection.ifConnected(() -> {
                if (mqtt5) {
                    endpoint.publishAcknowledge(packetId, outcome.code(), reason);
                } else {
                    endpoint.publishAcknowledge(packetId); // 3.1.1 cannot refuse; the result says why
                }
            });
            case EXACTLY_ONCE -> {
                if (success) {
                    received.complete();
                } else {
                    awaitingRelease.remove(packetId); // a PUBREC failure code ends the flow
                }
                connection.ifConnected(() -> {
                    if (mqtt5) {
                        endpoint.publishReceived(packetId, MqttPubRecReasonCode.valueOf(outcome.code().value()),
                                reason);
                    } else {
                        endpoint.publishReceived(packetId);
                    }
                });
            }
            default -> { } // QoS 0: nothing to acknowledge
        }
        // After the acknowledgement: request/response clients (mosquitto_rr) expect the PUBACK first.
        publishResult(devicePseudonym, outcome.resultJson(), correlation);
    }

    private void publishResult(String devicePseudonym, String json, byte @Nullable [] correlation) {
        String topic = PartnerTopics.commandResults(connection.organisationId, devicePseudonym);
        MqttQoS qos = subscriptions.qosFor(topic);
        if (qos == null) {
            LOG.debug("partner {} is not subscribed to its command results; result not published",
                    connection.clientId);
            return;
        }
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        if (connection.mqtt5) {
            properties = PartnerConnection.jsonProperties();
            if (correlation != null) {
                properties.add(new MqttProperties.BinaryProperty(MqttProperties.CORRELATION_DATA, correlation));
            }
        }
        int packetId = qos == MqttQoS.AT_LEAST_ONCE ? packetIds.nextForResult() : 0;
        connection.publish(topic, json.getBytes(StandardCharsets.UTF_8), qos, false, packetId, properties);
    }

    void onRelease(MqttPubRelMessage release) {
        boolean known = awaitingRelease.remove(release.messageId()) != null;
        connection.ifConnected(() -> {
            if (known || !connection.mqtt5) {
                endpoint.publishComplete(release.messageId());
            } else {
                endpoint.publishComplete(release.messageId(), MqttPubCompReasonCode.PACKET_IDENTIFIER_NOT_FOUND,
                        MqttProperties.NO_PROPERTIES);
            }
        });
    }

    private void refusePublish(MqttPublishMessage message) {
        String detail = PartnerTopics.isForeign(connection.organisationId, message.topicName())
                ? "publish to a device's or another organisation's topic" : "publish outside the partner's topics";
        connection.raise(SignalType.FORBIDDEN_PUBLISH, detail);
        if (!connection.mqtt5) {
            // As for devices: MQTT 3.1.1 cannot refuse a publish, and acknowledging would claim it was taken.
            connection.disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED);
            return;
        }
        MqttProperties reason = connection.reasonString(detail);
        switch (message.qosLevel()) {
            case AT_LEAST_ONCE -> endpoint.publishAcknowledge(message.messageId(), MqttPubAckReasonCode.NOT_AUTHORIZED,
                    reason);
            case EXACTLY_ONCE -> endpoint.publishReceived(message.messageId(), MqttPubRecReasonCode.NOT_AUTHORIZED,
                    reason);
            default -> { }
        }
    }
}
