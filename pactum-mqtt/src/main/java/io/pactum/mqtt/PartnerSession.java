package io.pactum.mqtt;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.MqttDisconnectMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partner connection: the organisation's records from its outbox, at least once, and its
 * commands to devices. This class holds the connection's lifecycle (CONNECT, takeover, the safety
 * poll that checks the token again, the end of the connection and what a persistent session keeps)
 * and wires the packets to the parts that handle them: {@link PartnerSubscriptions},
 * {@link RecordPump} (delivery, with {@link OutboxWindow} and {@link PacketIds}) and
 * {@link PartnerCommandHandler}, which share the connection's state through {@link PartnerConnection}.
 * Everything here runs on the connection's event loop, except outbox reads, cursor writes and token
 * checks (in the client's lane of {@link MqttAdapter#partnerLanes}, so in order, also across a
 * takeover) and commands (in its lane of {@link MqttAdapter#commandLanes}); their results are
 * posted back to the event loop.
 *
 * <p><b>Delivery.</b> A persistent session saves its confirmed position (see {@link OutboxWindow})
 * as its cursor ({@code mqtt:<client id>}). A reconnecting persistent session resumes from that
 * cursor, and what the previous connection had sent without acknowledgement is sent again with DUP
 * and its packet id.
 */
final class PartnerSession implements SessionControl {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerSession.class);
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    /** The safety poll, for a wake-up that was missed (e.g. an entry written by another hub node). */
    static final long POLL_MILLIS = 30_000;
    /** MQTT 5 Session Expiry Interval "never": the hub keeps a persistent session's cursor until a clean start. */
    private static final int NEVER_EXPIRES = 0xFFFF_FFFF;

    private final PartnerConnection connection;
    private final MqttEndpoint endpoint;
    private final String clientId;
    private final String organisationId;
    /** The bearer token, to check it again on every safety poll; never logged. */
    private final String token;
    private final PartnerAccess access;
    private final String source;
    /** Whether an existing session is resumed (MQTT 3.1.1 clean session 0, MQTT 5 clean start 0). */
    private final boolean resume;
    private final int maxMessageBytes;
    private final Vertx vertx;
    private final MqttAdapter adapter;
    private final String channel;
    private final Promise<Void> closed = Promise.promise();
    private final List<Runnable> closeActions = new ArrayList<>();
    private final PacketIds packetIds = new PacketIds();
    private final PartnerSubscriptions subscriptions;
    private final RecordPump pump;
    private final PartnerCommandHandler commands;

    // Event loop only.
    private long lastActivity = System.nanoTime();

    /**
     * What a persistent session leaves when its connection ends, for the next connection of the same
     * client: the granted filters, whether it ever held a records subscription, and the records sent
     * and not acknowledged (event id to packet id). Kept in memory; after a hub restart only the
     * stored cursor remains (see {@link #start}).
     */
    record KeptSession(Map<String, MqttQoS> subscriptions, boolean subscribedToRecords,
            Map<Long, Integer> unacknowledged) {
        KeptSession {
            subscriptions = Map.copyOf(subscriptions);
            unacknowledged = Map.copyOf(unacknowledged);
        }
    }

    PartnerSession(MqttEndpoint endpoint, Principal principal, String token, PartnerAccess access, String source,
            MqttSettings settings, SecuritySignals signals, Clock clock, Vertx vertx, Context context,
            MqttAdapter adapter) {
        this.connection = new PartnerConnection(endpoint, principal, source, signals, clock, context);
        this.endpoint = endpoint;
        this.clientId = principal.clientId();
        this.organisationId = principal.organisationId();
        this.token = token;
        this.access = access;
        this.source = source;
        this.resume = !endpoint.isCleanSession();
        this.maxMessageBytes = settings.maxMessageBytes();
        this.vertx = vertx;
        this.adapter = adapter;
        this.channel = "mqtt:" + clientId;
        String recordsTopic = PartnerTopics.records(organisationId);
        this.subscriptions = new PartnerSubscriptions(connection, recordsTopic);
        this.pump = new RecordPump(connection, access.outbox(), adapter.partnerLanes, subscriptions, packetIds,
                channel, recordsTopic);
        this.commands = new PartnerCommandHandler(connection, access.commands(), adapter.commandLanes,
                subscriptions, packetIds);
    }

    String clientId() {
        return clientId;
    }

    /** Completes once the connection has closed and its last cursor write (if any) is queued. */
    Future<Void> closed() {
        return closed.future();
    }

    /** Installs the packet handlers; on the event loop, before {@link #open}. Each packet counts as activity. */
    void attach() {
        endpoint.publishAutoAck(false);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(message -> {
            touch();
            commands.onPublish(message);
        });
        endpoint.publishReleaseMessageHandler(release -> {
            touch();
            commands.onRelease(release);
        });
        endpoint.publishAcknowledgeHandler(this::onAcknowledged);
        endpoint.subscribeHandler(this::onSubscribe);
        endpoint.unsubscribeHandler(unsubscribe -> {
            touch();
            subscriptions.unsubscribe(unsubscribe);
        });
        endpoint.pingHandler(v -> touch());
        endpoint.disconnectMessageHandler(this::onDisconnectMessage);
        endpoint.exceptionHandler(this::onException);
        endpoint.closeHandler(v -> onClosed());
    }

    /**
     * Reads where the session stands (in the client's lane, after any earlier connection's writes),
     * then sends CONNACK and starts delivering. A clean session forgets the cursor and starts at the
     * newest entry; a resumed one starts at its cursor (0, the oldest entry kept, if there is none).
     */
    Future<Void> open(MqttProperties connackProperties) {
        Promise<Void> accepted = Promise.promise();
        if (connection.ended()) {
            accepted.fail("connection closed during CONNECT");
            return accepted.future();
        }
        OutboxStore store = access.outbox().store();
        adapter.partnerLanes.submit(clientId, () -> {
            long cursor;
            long latest;
            try {
                if (!resume) {
                    store.deleteCursor(organisationId, channel);
                }
                cursor = resume ? store.cursor(organisationId, channel) : 0;
                latest = resume ? 0 : store.latestEventId(organisationId);
            } catch (RuntimeException e) {
                connection.onLoop(v -> {
                    LOG.warn("could not read the position of partner {}: {}", clientId, e.toString());
                    if (!connection.ended()) {
                        endpoint.reject(PartnerAdmission.serverUnavailable(connection.mqtt5));
                    }
                    accepted.tryFail(e);
                });
                return;
            }
            connection.onLoop(v -> {
                if (connection.ended()) {
                    accepted.tryFail("connection closed during CONNECT");
                    return;
                }
                start(resume ? cursor : latest, cursor, connackProperties);
                accepted.tryComplete();
            });
        });
        return accepted.future();
    }

    private void start(long position, long cursor, MqttProperties connackProperties) {
        // Taken here, not earlier: a connection taken over before it got this far leaves it.
        KeptSession kept = adapter.takeSession(clientId);
        // A cursor is stored only once the partner subscribed to its records, so it too means the
        // session existed (all that remains of it after a hub restart).
        boolean sessionPresent = resume && (kept != null || cursor > 0);
        if (resume && kept != null) {
            subscriptions.restore(kept.subscriptions(), kept.subscribedToRecords());
            packetIds.resend(kept.unacknowledged(), position);
        } else if (sessionPresent) {
            // The records subscription is part of the session: restored, at QoS 1.
            subscriptions.restoreRecords();
        }
        subscriptions.refresh();
        MqttProperties properties = connackProperties;
        if (connection.mqtt5) {
            properties = copy(connackProperties);
            // What the hub takes in from a partner at once is its commands.
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM,
                    PartnerCommandHandler.MAX_PENDING_COMMANDS));
            if (connection.persistent()) {
                properties.add(new MqttProperties.IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL,
                        NEVER_EXPIRES));
            }
        }
        try {
            endpoint.accept(sessionPresent, properties);
        } catch (IllegalStateException closedMeanwhile) {
            return;
        }
        connection.markOpened();
        long timer = vertx.setPeriodic(POLL_MILLIS, id -> connection.onLoop(v -> poll()));
        closeActions.add(() -> vertx.cancelTimer(timer));
        LOG.debug("partner {} session: {} at {} (persistent {}, session present {})", clientId,
                resume ? "resumed" : "clean", position, connection.persistent(), sessionPresent);
        pump.start(position, cursor);
    }

    /** Its organisation's access was suspended, e.g. to contain an incident. Any thread. */
    void suspended() {
        connection.onLoop(v -> disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED));
    }

    String organisationId() {
        return organisationId;
    }

    /** A newer connection presented the same client id (MQTT's session takeover). Any thread. */
    void takenOver() {
        connection.onLoop(v -> disconnect(MqttDisconnectReasonCode.SESSION_TAKEN_OVER));
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    @Override
    public long idleNanos() {
        return System.nanoTime() - lastActivity;
    }

    @Override
    public void disconnect(MqttDisconnectReasonCode code) {
        connection.disconnect(code);
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }

    private void poll() {
        if (connection.ended()) {
            return;
        }
        pump.pump();
        adapter.partnerLanes.submit(clientId, () -> {
            try {
                Principal current = access.authenticator().authenticate(token);
                connection.onLoop(v -> recheck(current));
            } catch (UnauthenticatedException e) {
                connection.onLoop(v -> {
                    SECURITY.warn("partner {} at {} disconnected: its token is no longer valid", clientId, source);
                    disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED);
                });
            } catch (RuntimeException e) {
                LOG.debug("could not check the token of partner {}: {}", clientId, e.toString());
            }
        });
    }

    /** The token still authenticates: keep the session if it still may, with the scopes it has now. */
    private void recheck(Principal current) {
        if (PartnerAdmission.refusal(current) != null || !current.organisationId().equals(organisationId)) {
            SECURITY.warn("partner {} at {} disconnected: it may no longer hold a partner session", clientId, source);
            disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED);
            return;
        }
        connection.principal(current);
        subscriptions.refresh();
    }

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        touch();
        if (subscriptions.subscribe(subscribe)) {
            pump.recordsSubscribed();
        }
    }

    /** A PUBACK: for a record, or for a command result (whose packet id was only kept from reuse). */
    private void onAcknowledged(Integer packetId) {
        touch();
        if (!pump.acknowledged(packetId) && !packetIds.resultAcknowledged(packetId)) {
            LOG.debug("partner {} acknowledged packet {}, which it was not sent", clientId, packetId);
        }
    }

    // ---- end of the connection ----

    private void onDisconnectMessage(MqttDisconnectMessage message) {
        LOG.debug("partner {} sent DISCONNECT from {}", clientId, source);
        if (!connection.mqtt5) {
            return;
        }
        Object expiry = PartnerConnection.property(message.properties(), MqttProperties.SESSION_EXPIRY_INTERVAL);
        if (expiry instanceof Integer seconds && connection.persistent() && seconds == 0) {
            // The client ends its session with this connection (MQTT 5, 3.14.2.2.2).
            connection.endSessionWithConnection();
        }
    }

    private void onClosed() {
        LOG.debug("partner {} disconnected from {}", clientId, source);
        connection.markEnded();
        adapter.unregisterPartner(this);
        if (connection.opened()) {
            adapter.keepSession(clientId, connection.persistent() ? new KeptSession(subscriptions.granted(),
                    subscriptions.subscribedToRecords(), packetIds.unacknowledged()) : null);
            pump.end();
        }
        closeActions.forEach(Runnable::run);
        closed.tryComplete();
    }

    private void onException(Throwable failure) {
        if (Failures.causedBy(failure, TooLongFrameException.class)) {
            connection.raise(SignalType.OVERSIZED_MESSAGE, "MQTT packet larger than " + maxMessageBytes + " bytes");
            disconnect(MqttDisconnectReasonCode.PACKET_TOO_LARGE);
        } else if (Failures.causedBy(failure, DecoderException.class)) {
            LOG.debug("malformed packet from partner {} at {}", clientId, source);
            disconnect(MqttDisconnectReasonCode.MALFORMED_PACKET);
        } else {
            LOG.debug("connection of partner {} at {} failed: {}", clientId, source, failure.toString());
            disconnect(MqttDisconnectReasonCode.UNSPECIFIED_ERROR);
        }
    }

    // ---- helpers ----

    private static MqttProperties copy(MqttProperties properties) {
        MqttProperties copy = new MqttProperties();
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            copy.add(property);
        }
        return copy;
    }
}
