package io.pactum.mqtt;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.core.command.DeliveryResult;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.InboundMessage;
import io.pactum.core.ingest.IngestOutcome;
import io.pactum.core.ingest.MessageIngest;
import io.pactum.core.ingest.RejectReason;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttPubRelMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubCompReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated device connection. Everything here runs on the connection's event loop, except
 * the ingest tasks, which run in the device's {@link IngestLanes lane} on a worker and post their
 * outcome back, and {@link #revoke}/{@link #takenOver}, which may be called from any thread and hop
 * onto the event loop. Outcomes come back in submission order, so acknowledgements keep it too.
 * Commands ({@link #deliverCommand}) are published on the event loop too; their PUBACKs complete
 * the waiting delivery.
 */
final class DeviceSession implements SessionControl {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
    /** Received but not yet ingested; beyond this a device is sending faster than the hub stores. */
    static final int MAX_PENDING = 1_000;

    private final MqttEndpoint endpoint;
    private final AuthenticatedDevice device;
    private final String source;
    private final boolean mqtt5;
    /** MQTT 5 Request Problem Information: reason strings on PUBACK/PUBREC only when not turned off. */
    private final boolean problemInformation;
    private final int maxMessageBytes;
    private final MessageIngest ingest;
    private final CommandResponses responses;
    private final SecuritySignals signals;
    private final Clock clock;
    private final Context context;
    private final IngestLanes lanes;
    private final DeviceGate gate;
    private final List<Runnable> closeActions = new ArrayList<>();

    /** Received, not yet answered by the ingest path. Event loop only, like the fields below. */
    private int pending;
    /** QoS 2 packet ids received and not yet released, each completing once its PUBREC is due. */
    private final Map<Integer, Future<Void>> awaitingRelease = new HashMap<>();
    private boolean subscribedToCommands;
    /** The QoS granted on the command topic (0 or 1); meaningful while subscribed. */
    private MqttQoS commandQos = MqttQoS.AT_LEAST_ONCE;
    /** Commands published at QoS 1 and not yet acknowledged, by packet id. */
    private final Map<Integer, CompletableFuture<DeliveryResult>> awaitingAck = new HashMap<>();
    /**
     * PUBACKs that came before their publish's write completed (so before the packet id was known
     * here); claimed by that publish. Cleared when nothing waits, so it stays small.
     */
    private final Set<Integer> earlyAcks = new HashSet<>();
    private long lastActivity;

    DeviceSession(MqttEndpoint endpoint, AuthenticatedDevice device, String source, int maxMessageBytes,
            MessageIngest ingest, CommandResponses responses, SecuritySignals signals, Clock clock, Context context,
            IngestLanes lanes, DeviceGate gate) {
        this.endpoint = endpoint;
        this.device = device;
        this.source = source;
        this.mqtt5 = endpoint.protocolVersion() >= 5;
        this.problemInformation = problemInformationWanted(endpoint);
        this.maxMessageBytes = maxMessageBytes;
        this.ingest = ingest;
        this.responses = responses;
        this.signals = signals;
        this.clock = clock;
        this.context = context;
        this.lanes = lanes;
        this.gate = gate;
        this.lastActivity = System.nanoTime();
    }

    /** Where the connection comes from, e.g. "mqtt 127.0.0.1:50312". */
    String source() {
        return source;
    }

    String deviceId() {
        return device.deviceId();
    }

    String productId() {
        return device.product().id();
    }

    /** Installs the packet handlers; call on the event loop before accepting the connection. */
    void attach() {
        endpoint.publishAutoAck(false);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(this::onPublish);
        endpoint.publishReleaseMessageHandler(this::onRelease);
        endpoint.publishAcknowledgeHandler(this::onCommandAcknowledged);
        endpoint.subscribeHandler(this::onSubscribe);
        endpoint.unsubscribeHandler(this::onUnsubscribe);
        endpoint.pingHandler(v -> touch());
        endpoint.disconnectMessageHandler(m -> LOG.debug("device {} sent DISCONNECT from {}", deviceId(), source));
        endpoint.exceptionHandler(this::onException);
        endpoint.closeHandler(v -> {
            LOG.debug("device {} disconnected from {}", deviceId(), source);
            // Commands in flight were not acknowledged on this connection, and never will be.
            List<CompletableFuture<DeliveryResult>> unacknowledged = new ArrayList<>(awaitingAck.values());
            awaitingAck.clear();
            unacknowledged.forEach(f -> f.complete(DeliveryResult.NOT_ACKNOWLEDGED));
            closeActions.forEach(Runnable::run);
        });
    }

    /** Runs {@code action} on the event loop when the connection has closed. */
    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    /**
     * The device was quarantined or revoked: its gate is closed (by the adapter) so nothing queued
     * is ingested any more; disconnect at once.
     */
    void revoke() {
        context.runOnContext(v -> disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED));
    }

    /** A newer connection presented the same device id (MQTT's session takeover). */
    void takenOver() {
        context.runOnContext(v -> disconnect(MqttDisconnectReasonCode.SESSION_TAKEN_OVER));
    }

    /**
     * Publishes a signed command on the device's command topic, at the QoS the device was granted
     * (at most 1). Any thread; the work hops onto the event loop. The result completes with
     * DELIVERED once the device acknowledged (QoS 1) or the bytes were written (QoS 0);
     * NOT_SUBSCRIBED or DEVICE_OFFLINE if it was not sent at all; NOT_ACKNOWLEDGED if the
     * connection ended first. The caller times out and then calls {@link #forget}.
     */
    CompletableFuture<DeliveryResult> deliverCommand(byte[] signedCommand) {
        CompletableFuture<DeliveryResult> result = new CompletableFuture<>();
        context.runOnContext(v -> publishCommand(signedCommand, result));
        return result;
    }

    /** Stops waiting for the acknowledgement of a delivery the caller gave up on. */
    void forget(CompletableFuture<DeliveryResult> delivery) {
        context.runOnContext(v -> awaitingAck.values().remove(delivery));
    }

    private void publishCommand(byte[] signedCommand, CompletableFuture<DeliveryResult> result) {
        if (!endpoint.isConnected()) {
            result.complete(DeliveryResult.DEVICE_OFFLINE);
            return;
        }
        if (!subscribedToCommands) {
            result.complete(DeliveryResult.NOT_SUBSCRIBED);
            return;
        }
        MqttQoS qos = commandQos;
        Future<Integer> sent;
        try {
            sent = endpoint.publish(DeviceTopics.commands(deviceId()), Buffer.buffer(signedCommand), qos, false, false);
        } catch (IllegalArgumentException | IllegalStateException closed) {
            result.complete(DeliveryResult.DEVICE_OFFLINE);
            return;
        }
        sent.onComplete(written -> {
            if (written.failed()) {
                LOG.debug("command to device {} could not be written: {}", deviceId(), written.cause().toString());
                result.complete(DeliveryResult.NOT_ACKNOWLEDGED);
            } else if (qos == MqttQoS.AT_MOST_ONCE) {
                result.complete(DeliveryResult.DELIVERED);
            } else if (earlyAcks.remove(written.result())) {
                result.complete(DeliveryResult.DELIVERED);
            } else if (!endpoint.isConnected()) {
                result.complete(DeliveryResult.NOT_ACKNOWLEDGED);
            } else {
                awaitingAck.put(written.result(), result);
            }
        });
    }

    private void onCommandAcknowledged(Integer packetId) {
        touch();
        CompletableFuture<DeliveryResult> waiting = awaitingAck.remove(packetId);
        if (waiting != null) {
            waiting.complete(DeliveryResult.DELIVERED);
        } else if (awaitingAck.isEmpty() && earlyAcks.size() < 16) {
            earlyAcks.add(packetId);
        } else {
            LOG.debug("device {} acknowledged packet {}, which it was not sent", deviceId(), packetId);
        }
    }

    /** Nanoseconds since the device last sent a packet that counts as activity. */
    @Override
    public long idleNanos() {
        return System.nanoTime() - lastActivity;
    }

    @Override
    public void disconnect(MqttDisconnectReasonCode code) {
        if (!endpoint.isConnected()) {
            return;
        }
        try {
            if (mqtt5) {
                endpoint.disconnect(code, MqttProperties.NO_PROPERTIES);
            } else {
                // MQTT 3.1.1 has no server DISCONNECT: closing the connection is the only signal.
                endpoint.close();
            }
        } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
            LOG.trace("connection of device {} already closed", deviceId());
        }
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }

    private void onPublish(MqttPublishMessage message) {
        touch();
        int packetId = message.messageId();
        LOG.trace("device {} published packet {} at QoS {}", deviceId(), packetId, message.qosLevel().value());
        MqttQoS qos = message.qosLevel();
        if (gate.isClosed()) {
            return;
        }
        if (message.isRetain() && mqtt5) {
            // We announce Retain Available = 0; a retained PUBLISH is then a protocol error (MQTT 5, 3.2.2.3.5).
            disconnect(MqttDisconnectReasonCode.RETAIN_NOT_SUPPORTED);
            return;
        }
        Optional<String> answered = DeviceTopics.responseCommandId(deviceId(), message.topicName());
        if (answered.isPresent()) {
            onResponse(message, answered.get());
            return;
        }
        Optional<Channel> channel = DeviceTopics.publishChannel(deviceId(), message.topicName());
        if (channel.isEmpty()) {
            refusePublish(message);
            return;
        }
        // the message names its adapter itself; its source is the address alone, as over HTTP
        InboundMessage inbound = new InboundMessage(channel.get(), message.payload().getBytes(), clock.instant(),
                MqttAdapter.ADAPTER, String.valueOf(endpoint.remoteAddress()), message.isDup());
        handleInLane(qos, packetId, () -> gate.ingest(ingest, device, inbound));
    }

    /**
     * A response to a command: not telemetry, so not ingested; handed to {@link CommandResponses}
     * in the device's lane, and acknowledged once that returned, like an ingested message.
     */
    private void onResponse(MqttPublishMessage message, String commandId) {
        byte[] payload = message.payload().getBytes();
        handleInLane(message.qosLevel(), message.messageId(), () -> respond(commandId, payload));
    }

    /**
     * Runs a message's work on a worker, in the device's lane (so its messages keep their order),
     * and acknowledges it on the connection's context once the work returned. A QoS 2
     * retransmission is acknowledged again without running twice; a device with too much waiting
     * is disconnected rather than buffered without bound.
     */
    private void handleInLane(MqttQoS qos, int packetId, Supplier<@Nullable IngestOutcome> work) {
        if (qos == MqttQoS.EXACTLY_ONCE) {
            Future<Void> known = awaitingRelease.get(packetId);
            if (known != null) {
                known.onSuccess(v -> ifConnected(() -> endpoint.publishReceived(packetId)));
                return;
            }
        }
        if (pending >= MAX_PENDING) {
            LOG.warn("device {} has {} messages waiting to be handled; disconnecting it", deviceId(), pending);
            disconnect(MqttDisconnectReasonCode.QUOTA_EXCEEDED);
            return;
        }
        Promise<Void> received = Promise.promise();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            awaitingRelease.put(packetId, received.future());
        }
        pending++;
        lanes.submit(deviceId(), () -> {
            IngestOutcome outcome;
            try {
                outcome = work.get();
            } catch (RuntimeException | Error e) {
                // Errors too: whatever the work throws, the device must not wait forever.
                context.runOnContext(v -> ingestFailed(packetId, e));
                return;
            }
            context.runOnContext(v -> ingested(qos, packetId, outcome, received));
        });
    }

    /**
     * Hands the response on unless the device was quarantined or revoked meanwhile (null: dropped).
     * An accepted response is reported as a duplicate, the one outcome that is acknowledged plainly
     * and carries no records.
     */
    private @Nullable IngestOutcome respond(String commandId, byte[] payload) {
        if (gate.isClosed()) {
            return null;
        }
        try {
            responses.respond(deviceId(), commandId, payload);
            return new IngestOutcome.Duplicate(0);
        } catch (InvalidInputException e) {
            return new IngestOutcome.Rejected(RejectReason.MALFORMED_PAYLOAD,
                    java.util.Objects.requireNonNullElse(e.getMessage(), "invalid response"));
        }
    }

    private void ingestFailed(int packetId, Throwable failure) {
        pending--;
        awaitingRelease.remove(packetId);
        LOG.warn("could not ingest a message of device {}: {}", deviceId(), failure.toString());
        // Not acknowledged: the device still holds the message and may send it again.
        disconnect(MqttDisconnectReasonCode.UNSPECIFIED_ERROR);
    }

    /** Back on the event loop; {@code outcome} is null when the gate dropped the message. */
    private void ingested(MqttQoS qos, int packetId, @Nullable IngestOutcome outcome, Promise<Void> received) {
        pending--;
        LOG.trace("packet {} of device {} ingested: {}", packetId, deviceId(),
                outcome == null ? "dropped" : outcome.getClass().getSimpleName());
        if (outcome == null) {
            awaitingRelease.remove(packetId);
            return;
        }
        acknowledge(qos, packetId, outcome, received);
    }

    private void acknowledge(MqttQoS qos, int packetId, IngestOutcome outcome, Promise<Void> received) {
        if (qos == MqttQoS.AT_MOST_ONCE) {
            if (outcome instanceof IngestOutcome.Rejected rejected
                    && rejected.reason() == RejectReason.DEVICE_NOT_ACTIVE) {
                disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED);
            }
            return;
        }
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            if (rejected.reason() == RejectReason.DEVICE_NOT_ACTIVE) {
                awaitingRelease.remove(packetId);
                disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED);
                return;
            }
            if (mqtt5) {
                awaitingRelease.remove(packetId);
                MqttProperties reason = reasonString(rejected.detail());
                ifConnected(() -> {
                    if (qos == MqttQoS.AT_LEAST_ONCE) {
                        endpoint.publishAcknowledge(packetId, ReasonCodes.pubAck(rejected.reason()), reason);
                    } else {
                        endpoint.publishReceived(packetId, ReasonCodes.pubRec(rejected.reason()), reason);
                    }
                });
                return;
            }
            // MQTT 3.1.1 cannot say "rejected": acknowledge without storing (see docs/mqtt.md); the
            // pipeline raised the signal, and resending the same bytes would be rejected again.
        }
        received.complete();
        ifConnected(() -> {
            if (qos == MqttQoS.AT_LEAST_ONCE) {
                endpoint.publishAcknowledge(packetId);
            } else {
                endpoint.publishReceived(packetId);
            }
        });
    }

    private void refusePublish(MqttPublishMessage message) {
        String detail = DeviceTopics.isForeignDevice(deviceId(), message.topicName())
                ? "publish to another device's topic" : "publish outside the device's topics";
        raise(SignalType.FORBIDDEN_PUBLISH, detail);
        if (!mqtt5) {
            // MQTT 3.1.1 may either acknowledge and drop or close (4.7.2 / 5.4.2); acknowledging
            // would tell the device its data arrived.
            disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED);
            return;
        }
        MqttProperties reason = reasonString(detail);
        switch (message.qosLevel()) {
            case AT_LEAST_ONCE -> endpoint.publishAcknowledge(message.messageId(),
                    io.vertx.mqtt.messages.codes.MqttPubAckReasonCode.NOT_AUTHORIZED, reason);
            case EXACTLY_ONCE -> endpoint.publishReceived(message.messageId(),
                    io.vertx.mqtt.messages.codes.MqttPubRecReasonCode.NOT_AUTHORIZED, reason);
            default -> { } // QoS 0 has no acknowledgement to refuse; the signal records it
        }
    }

    private void onRelease(MqttPubRelMessage release) {
        touch();
        boolean known = awaitingRelease.remove(release.messageId()) != null;
        ifConnected(() -> {
            if (known || !mqtt5) {
                endpoint.publishComplete(release.messageId());
            } else {
                endpoint.publishComplete(release.messageId(), MqttPubCompReasonCode.PACKET_IDENTIFIER_NOT_FOUND,
                        MqttProperties.NO_PROPERTIES);
            }
        });
    }

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        touch();
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        for (MqttTopicSubscription subscription : subscribe.topicSubscriptions()) {
            Optional<TopicRefusal> refusal = DeviceTopics.subscriptionRefusal(deviceId(),
                    subscription.topicName());
            if (refusal.isPresent()) {
                raise(SignalType.FORBIDDEN_SUBSCRIPTION, "subscription refused: " + refusal.get().description);
                codes.add(ReasonCodes.subAck(refusal.get(), mqtt5));
            } else {
                subscribedToCommands = true;
                // Commands are delivered at QoS 1 at most.
                MqttQoS granted = subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE
                        ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
                commandQos = granted;
                codes.add(MqttSubAckReasonCode.qosGranted(granted));
            }
        }
        endpoint.subscribeAcknowledge(subscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        touch();
        if (!mqtt5) {
            subscribedToCommands &= !unsubscribe.topics().contains(DeviceTopics.commands(deviceId()));
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
            return;
        }
        List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
        for (String topic : unsubscribe.topics()) {
            boolean held = subscribedToCommands && topic.equals(DeviceTopics.commands(deviceId()));
            if (held) {
                subscribedToCommands = false;
            }
            codes.add(held ? MqttUnsubAckReasonCode.SUCCESS : MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED);
        }
        endpoint.unsubscribeAcknowledge(unsubscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
    }

    private void onException(Throwable failure) {
        if (Failures.causedBy(failure, TooLongFrameException.class)) {
            raise(SignalType.OVERSIZED_MESSAGE, "MQTT packet larger than " + maxMessageBytes + " bytes");
            disconnect(MqttDisconnectReasonCode.PACKET_TOO_LARGE);
        } else if (Failures.causedBy(failure, DecoderException.class)) {
            LOG.debug("malformed packet from device {} at {}", deviceId(), source);
            disconnect(MqttDisconnectReasonCode.MALFORMED_PACKET);
        } else {
            LOG.debug("connection of device {} at {} failed: {}", deviceId(), source, failure.toString());
            disconnect(MqttDisconnectReasonCode.UNSPECIFIED_ERROR);
        }
    }

    private static boolean problemInformationWanted(MqttEndpoint endpoint) {
        MqttProperties.MqttProperty<?> wanted = endpoint.connectProperties()
                .getProperty(MqttProperties.REQUEST_PROBLEM_INFORMATION);
        return wanted == null || !Integer.valueOf(0).equals(wanted.value());
    }

    private MqttProperties reasonString(String detail) {
        if (!problemInformation) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttProperties.REASON_STRING, detail));
        return properties;
    }

    private void ifConnected(Runnable reply) {
        if (endpoint.isConnected()) {
            try {
                reply.run();
            } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
                LOG.trace("connection of device {} closed before the reply", deviceId());
            }
        }
    }

    private void raise(SignalType type, String detail) {
        signals.raise(new SecuritySignal(type, clock.instant(), deviceId(), source, detail));
    }
}
