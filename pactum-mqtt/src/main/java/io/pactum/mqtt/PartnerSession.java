package io.pactum.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.core.command.Command;
import io.pactum.core.command.NewCommand;
import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.OutboxListener;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.error.ErrorCode;
import io.pactum.core.error.PactumException;
import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttDisconnectMessage;
import io.vertx.mqtt.messages.MqttPubRelMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubCompReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partner connection: the organisation's records from its outbox, at least once, and its
 * commands to devices. Everything here runs on the connection's event loop, except outbox reads,
 * cursor writes and token checks (in the client's lane of {@link MqttAdapter#partnerLanes}, so in
 * order, also across a takeover) and commands (in its lane of {@link MqttAdapter#commandLanes});
 * their results are posted back to the event loop.
 *
 * <p><b>Delivery.</b> The session reads the outbox after its read position, at most as many entries
 * as its window has room for, and publishes each on {@code partners/{org}/records}. Each entry read
 * stays in {@link #unconfirmed}, ordered by event id, until the client acknowledged it (QoS 1) or it
 * was written (QoS 0); entries the outbox withheld leave a marker that counts as acknowledged. The
 * confirmed position is the highest event id before which nothing is unconfirmed, so out-of-order
 * PUBACKs never move it past a gap; a persistent session saves it as its cursor
 * ({@code mqtt:<client id>}). A reconnecting persistent session resumes from that cursor, and what
 * the previous connection had sent without acknowledgement is sent again with DUP and its packet id.
 */
final class PartnerSession implements SessionControl {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerSession.class);
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Records published and not yet acknowledged, at most (fewer if the client's Receive Maximum is lower). */
    static final int MAX_IN_FLIGHT = 100;
    /** The safety poll, for a wake-up that was missed (e.g. an entry written by another hub node). */
    static final long POLL_MILLIS = 30_000;
    /** Commands received and not yet answered; beyond this the partner sends faster than they are handled. */
    static final int MAX_PENDING_COMMANDS = 100;
    /** MQTT 5 Session Expiry Interval "never": the hub keeps a persistent session's cursor until a clean start. */
    private static final int NEVER_EXPIRES = 0xFFFF_FFFF;

    private final MqttEndpoint endpoint;
    private final String clientId;
    private final String organisationId;
    /** The bearer token, to check it again on every safety poll; never logged. */
    private final String token;
    private final PartnerAccess access;
    private final String source;
    private final boolean mqtt5;
    private final boolean problemInformation;
    /** Whether an existing session is resumed (MQTT 3.1.1 clean session 0, MQTT 5 clean start 0). */
    private final boolean resume;
    private final int window;
    private final long clientMaxPacketBytes;
    private final int maxMessageBytes;
    private final SecuritySignals signals;
    private final Clock clock;
    private final Vertx vertx;
    private final Context context;
    private final MqttAdapter adapter;
    private final String channel;
    private final String recordsTopic;
    private final Promise<Void> closed = Promise.promise();
    private final List<Runnable> closeActions = new ArrayList<>();
    private final OutboxListener listener = this::appended;

    // Event loop only, from here on.
    private Principal principal;
    /** Whether the session state outlives the connection (3.1.1 clean session 0, MQTT 5 Session Expiry > 0). */
    private boolean persistent;
    private boolean opened;
    private boolean ended;
    /**
     * Whether this session held a records subscription: only then is a cursor written, so a stored
     * cursor means a session existed (and its subscription is restored on resume).
     */
    private boolean subscribedToRecords;
    /** Granted filters and their QoS. */
    private final Map<String, MqttQoS> subscriptions = new LinkedHashMap<>();
    /** The QoS records go out at; null while no granted filter covers the records topic. */
    private @Nullable MqttQoS recordsQos;
    private long readPosition;
    private boolean reading;
    private boolean wakeRequested;
    /** Entries read and not yet confirmed, by event id; see the class comment. */
    private final TreeMap<Long, Slot> unconfirmed = new TreeMap<>();
    /** QoS 1 records awaiting PUBACK: packet id to event id. */
    private final Map<Integer, Long> recordPackets = new HashMap<>();
    /** QoS 1 command results awaiting PUBACK (not re-sent; the packet id is only kept from reuse). */
    private final Set<Integer> resultPackets = new HashSet<>();
    /** Records published and neither acknowledged nor written (QoS 0) yet. */
    private int inFlight;
    private long confirmed;
    /** The cursor value last handed to the store (or found there). */
    private long storedCursor;
    private boolean saving;
    /** What the previous connection sent without acknowledgement: event id to packet id. */
    private Map<Long, Integer> resend = new HashMap<>();
    private int lastPacketId;
    private int pendingCommands;
    /** QoS 2 commands received and not yet released, each completing once its PUBREC is due. */
    private final Map<Integer, Future<Void>> awaitingRelease = new HashMap<>();
    private long lastActivity = System.nanoTime();

    /** One entry read from the outbox: published with a packet id (0 at QoS 0), or a withheld marker. */
    private static final class Slot {
        final int packetId;
        boolean done;

        Slot(int packetId, boolean done) {
            this.packetId = packetId;
            this.done = done;
        }
    }

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

    /** What became of a command: the result message, and the MQTT 5 acknowledgement. */
    private record CommandOutcome(String resultJson, MqttPubAckReasonCode code, @Nullable String reason) {}

    PartnerSession(MqttEndpoint endpoint, Principal principal, String token, PartnerAccess access, String source,
            MqttSettings settings, SecuritySignals signals, Clock clock, Vertx vertx, Context context,
            MqttAdapter adapter) {
        this.endpoint = endpoint;
        this.principal = principal;
        this.clientId = principal.clientId();
        this.organisationId = principal.organisationId();
        this.token = token;
        this.access = access;
        this.source = source;
        this.mqtt5 = endpoint.protocolVersion() >= 5;
        this.problemInformation = !Integer.valueOf(0).equals(property(endpoint.connectProperties(),
                MqttProperties.REQUEST_PROBLEM_INFORMATION));
        this.resume = !endpoint.isCleanSession();
        this.persistent = mqtt5 ? sessionExpiry(endpoint.connectProperties()) != 0 : !endpoint.isCleanSession();
        Integer receiveMaximum = mqtt5 ? (Integer) property(endpoint.connectProperties(),
                MqttProperties.RECEIVE_MAXIMUM) : null;
        this.window = receiveMaximum != null && receiveMaximum > 0 ? Math.min(MAX_IN_FLIGHT, receiveMaximum)
                : MAX_IN_FLIGHT;
        Integer maxPacket = mqtt5 ? (Integer) property(endpoint.connectProperties(),
                MqttProperties.MAXIMUM_PACKET_SIZE) : null;
        this.clientMaxPacketBytes = maxPacket != null && maxPacket != 0 ? Integer.toUnsignedLong(maxPacket)
                : Long.MAX_VALUE;
        this.maxMessageBytes = settings.maxMessageBytes();
        this.signals = signals;
        this.clock = clock;
        this.vertx = vertx;
        this.context = context;
        this.adapter = adapter;
        this.channel = "mqtt:" + clientId;
        this.recordsTopic = PartnerTopics.records(organisationId);
    }

    String clientId() {
        return clientId;
    }

    /** Completes once the connection has closed and its last cursor write (if any) is queued. */
    Future<Void> closed() {
        return closed.future();
    }

    /** Installs the packet handlers; on the event loop, before {@link #open}. */
    void attach() {
        endpoint.publishAutoAck(false);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(this::onPublish);
        endpoint.publishReleaseMessageHandler(this::onRelease);
        endpoint.publishAcknowledgeHandler(this::onAcknowledged);
        endpoint.subscribeHandler(this::onSubscribe);
        endpoint.unsubscribeHandler(this::onUnsubscribe);
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
        if (ended) {
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
                onLoop(v -> {
                    LOG.warn("could not read the position of partner {}: {}", clientId, e.toString());
                    if (!ended) {
                        endpoint.reject(PartnerAdmission.serverUnavailable(mqtt5));
                    }
                    accepted.tryFail(e);
                });
                return;
            }
            onLoop(v -> {
                if (ended) {
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
        readPosition = position;
        confirmed = position;
        storedCursor = cursor;
        // Taken here, not earlier: a connection taken over before it got this far leaves it.
        KeptSession kept = adapter.takeSession(clientId);
        // A cursor is stored only once the partner subscribed to its records, so it too means the
        // session existed (all that remains of it after a hub restart).
        boolean sessionPresent = resume && (kept != null || cursor > 0);
        if (resume && kept != null) {
            subscriptions.putAll(kept.subscriptions());
            subscribedToRecords = kept.subscribedToRecords();
            resend = new HashMap<>(kept.unacknowledged());
            resend.keySet().removeIf(eventId -> eventId <= position);
        } else if (sessionPresent) {
            // The records subscription is part of the session: restored, at QoS 1.
            subscribedToRecords = true;
            subscriptions.put(recordsTopic, MqttQoS.AT_LEAST_ONCE);
        }
        recordsQos = recordsQos();
        MqttProperties properties = connackProperties;
        if (mqtt5) {
            properties = copy(connackProperties);
            // What the hub takes in from a partner at once is its commands.
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, MAX_PENDING_COMMANDS));
            if (persistent) {
                properties.add(new MqttProperties.IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL,
                        NEVER_EXPIRES));
            }
        }
        try {
            endpoint.accept(sessionPresent, properties);
        } catch (IllegalStateException closedMeanwhile) {
            return;
        }
        opened = true;
        access.outbox().addListener(listener);
        long timer = vertx.setPeriodic(POLL_MILLIS, id -> onLoop(v -> poll()));
        closeActions.add(() -> vertx.cancelTimer(timer));
        LOG.debug("partner {} session: {} at {} (persistent {}, session present {})", clientId,
                resume ? "resumed" : "clean", position, persistent, sessionPresent);
        pump();
    }

    /** A newer connection presented the same client id (MQTT's session takeover). Any thread. */
    void takenOver() {
        onLoop(v -> disconnect(MqttDisconnectReasonCode.SESSION_TAKEN_OVER));
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
        try {
            if (!opened) {
                endpoint.close(); // not accepted yet: there is no session to send DISCONNECT on
            } else if (!endpoint.isConnected()) {
                return;
            } else if (mqtt5) {
                endpoint.disconnect(code, MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.close();
            }
        } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
            LOG.trace("connection of partner {} already closed", clientId);
        }
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }

    /** Runs {@code action} on the connection's event loop; after Vert.x closed, drops it. Any thread. */
    private void onLoop(io.vertx.core.Handler<Void> action) {
        try {
            context.runOnContext(action);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("partner {}: event loop closed, dropping a callback", clientId);
        }
    }

    /** The outbox listener: must not block, so it only hops onto the event loop. */
    private void appended(Set<String> recipientIds) {
        if (recipientIds.contains(organisationId)) {
            onLoop(v -> {
                wakeRequested = true;
                pump();
            });
        }
    }

    private void poll() {
        if (ended) {
            return;
        }
        pump();
        adapter.partnerLanes.submit(clientId, () -> {
            try {
                Principal current = access.authenticator().authenticate(token);
                onLoop(v -> recheck(current));
            } catch (UnauthenticatedException e) {
                onLoop(v -> {
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
        principal = current;
        recordsQos = recordsQos();
    }

    // ---- delivery ----

    /** Reads more of the outbox if the session is subscribed, not reading already, and has room. */
    private void pump() {
        if (ended || !opened || recordsQos == null || reading) {
            return;
        }
        int room = window - inFlight;
        if (room <= 0) {
            return;
        }
        reading = true;
        wakeRequested = false;
        long after = readPosition;
        int limit = Math.min(room, Outbox.MAX_BATCH);
        adapter.partnerLanes.submit(clientId, () -> {
            Outbox.Batch batch;
            try {
                batch = access.outbox().next(organisationId, after, limit, channel);
            } catch (RuntimeException e) {
                onLoop(v -> {
                    reading = false;
                    // Tried again on the next wake-up or poll.
                    LOG.warn("could not read the outbox of partner {}: {}", clientId, e.toString());
                });
                return;
            }
            onLoop(v -> read(after, batch));
        });
    }

    private void read(long after, Outbox.Batch batch) {
        reading = false;
        if (ended || recordsQos == null) {
            return; // unsubscribed meanwhile: read again from the same position when subscribed again
        }
        long last = after;
        for (Delivery delivery : batch.deliveries()) {
            publishRecord(delivery, recordsQos);
            last = delivery.eventId();
        }
        if (batch.lastEventId() > last) {
            // Entries withheld at delivery (agreement or consent changed): nothing to send, but passed.
            unconfirmed.put(batch.lastEventId(), new Slot(0, true));
        }
        readPosition = Math.max(readPosition, batch.lastEventId());
        long position = readPosition;
        resend.keySet().removeIf(eventId -> eventId <= position);
        advance();
        if (batch.lastEventId() > after || wakeRequested) {
            pump();
        }
    }

    private void publishRecord(Delivery delivery, MqttQoS qos) {
        long eventId = delivery.eventId();
        byte[] json = delivery.json().getBytes(StandardCharsets.UTF_8);
        if (packetBytes(recordsTopic, json.length, 64) > clientMaxPacketBytes) {
            // MQTT 5 (3.1.2.11.4): discard, and behave as if it had been sent.
            LOG.warn("record {} for partner {} exceeds the client's Maximum Packet Size; not sent", eventId, clientId);
            unconfirmed.put(eventId, new Slot(0, true));
            return;
        }
        MqttProperties properties = mqtt5 ? recordProperties(eventId) : MqttProperties.NO_PROPERTIES;
        if (qos == MqttQoS.AT_MOST_ONCE) {
            Slot slot = new Slot(0, false);
            unconfirmed.put(eventId, slot);
            inFlight++;
            publish(recordsTopic, json, qos, false, 0, properties).onSuccess(id -> {
                if (!ended && !slot.done) {
                    slot.done = true;
                    inFlight--;
                    advance();
                    pump();
                }
            });
            return;
        }
        Integer earlier = resend.remove(eventId);
        boolean dup = earlier != null && !recordPackets.containsKey(earlier) && !resultPackets.contains(earlier);
        int packetId = dup ? earlier : nextPacketId();
        unconfirmed.put(eventId, new Slot(packetId, false));
        recordPackets.put(packetId, eventId);
        inFlight++;
        publish(recordsTopic, json, qos, dup, packetId, properties);
    }

    private Future<Integer> publish(String topic, byte[] payload, MqttQoS qos, boolean dup, int packetId,
            MqttProperties properties) {
        try {
            return endpoint.publish(topic, Buffer.buffer(payload), qos, dup, false, packetId, properties);
        } catch (IllegalArgumentException | IllegalStateException closedMeanwhile) {
            return Future.failedFuture(closedMeanwhile);
        }
    }

    private MqttProperties recordProperties(long eventId) {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1));
        properties.add(new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, "application/json"));
        properties.add(new MqttProperties.UserProperty("event-id", Long.toString(eventId)));
        return properties;
    }

    private void onAcknowledged(Integer packetId) {
        touch();
        Long eventId = recordPackets.remove(packetId);
        if (eventId == null) {
            if (!resultPackets.remove(packetId)) {
                LOG.debug("partner {} acknowledged packet {}, which it was not sent", clientId, packetId);
            }
            return;
        }
        Slot slot = unconfirmed.get(eventId);
        if (slot != null && !slot.done) {
            slot.done = true;
            inFlight--;
        }
        advance();
        pump();
    }

    /** Moves the confirmed position over every leading entry that is done; saves it if persistent. */
    private void advance() {
        while (!unconfirmed.isEmpty() && unconfirmed.firstEntry().getValue().done) {
            confirmed = unconfirmed.pollFirstEntry().getKey();
        }
        saveCursor();
    }

    /** One cursor write at a time per session; the latest confirmed position wins. */
    private void saveCursor() {
        if (!persistent || ended || saving || !subscribedToRecords || confirmed <= storedCursor) {
            return;
        }
        long value = confirmed;
        saving = true;
        storedCursor = value;
        OutboxStore store = access.outbox().store();
        adapter.partnerLanes.submit(clientId, () -> {
            try {
                store.saveCursor(organisationId, channel, value);
            } catch (RuntimeException e) {
                // Not fatal: a later write carries a higher position; at worst entries are sent again.
                LOG.warn("could not save the cursor of partner {}: {}", clientId, e.toString());
            }
            onLoop(v -> {
                saving = false;
                saveCursor();
            });
        });
    }

    private int nextPacketId() {
        for (int tries = 0; tries < 65_535; tries++) {
            lastPacketId = lastPacketId % 65_535 + 1;
            int id = lastPacketId;
            if (!recordPackets.containsKey(id) && !resultPackets.contains(id) && !resend.containsValue(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free packet id"); // cannot happen: at most a few hundred in use
    }

    // ---- subscriptions ----

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        touch();
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        for (MqttTopicSubscription subscription : subscribe.topicSubscriptions()) {
            String filter = subscription.topicName();
            Optional<TopicRefusal> refusal = PartnerTopics.subscriptionRefusal(organisationId, filter);
            if (refusal.isEmpty()) {
                boolean records = PartnerTopics.coversRecords(organisationId, filter) && principal.has(Scope.READ);
                boolean results = PartnerTopics.coversCommandResults(organisationId, filter)
                        && (principal.has(Scope.WRITE) || principal.has(Scope.READ));
                if (!records && !results) {
                    refusal = Optional.of(TopicRefusal.MISSING_SCOPE);
                }
            }
            if (refusal.isPresent()) {
                raise(SignalType.FORBIDDEN_SUBSCRIPTION, "subscription refused: " + refusal.get().description);
                codes.add(ReasonCodes.subAck(refusal.get(), mqtt5));
                continue;
            }
            // Records and results are published at QoS 1 at most.
            MqttQoS granted = subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE
                    ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
            subscriptions.put(filter, granted);
            codes.add(MqttSubAckReasonCode.qosGranted(granted));
        }
        endpoint.subscribeAcknowledge(subscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        recordsQos = recordsQos();
        if (recordsQos != null) {
            subscribedToRecords = true;
            saveCursor(); // a persistent session with a records subscription exists from now on
            pump();
        }
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        touch();
        List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
        for (String filter : unsubscribe.topics()) {
            codes.add(subscriptions.remove(filter) != null ? MqttUnsubAckReasonCode.SUCCESS
                    : MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED);
        }
        recordsQos = recordsQos();
        if (mqtt5) {
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        } else {
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        }
    }

    /** The highest QoS of the granted filters that cover the records topic, if the token may read. */
    private @Nullable MqttQoS recordsQos() {
        if (!principal.has(Scope.READ)) {
            return null;
        }
        MqttQoS best = null;
        for (Map.Entry<String, MqttQoS> subscription : subscriptions.entrySet()) {
            if (PartnerTopics.matches(subscription.getKey(), recordsTopic)
                    && (best == null || subscription.getValue().value() > best.value())) {
                best = subscription.getValue();
            }
        }
        return best;
    }

    // ---- commands ----

    private void onPublish(MqttPublishMessage message) {
        touch();
        if (message.isRetain() && mqtt5) {
            disconnect(MqttDisconnectReasonCode.RETAIN_NOT_SUPPORTED);
            return;
        }
        Optional<String> pseudonym = PartnerTopics.commandPseudonym(organisationId, message.topicName());
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
                known.onSuccess(v -> ifConnected(() -> endpoint.publishReceived(packetId)));
                return;
            }
        }
        if (pendingCommands >= MAX_PENDING_COMMANDS) {
            LOG.warn("partner {} has {} commands waiting; disconnecting it", clientId, pendingCommands);
            disconnect(MqttDisconnectReasonCode.QUOTA_EXCEEDED);
            return;
        }
        Promise<Void> received = Promise.promise();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            awaitingRelease.put(packetId, received.future());
        }
        pendingCommands++;
        byte[] payload = message.payload().getBytes();
        byte @Nullable [] correlation = mqtt5
                ? (byte[]) property(message.properties(), MqttProperties.CORRELATION_DATA) : null;
        Principal caller = principal;
        String device = pseudonym.get();
        adapter.commandLanes.submit(clientId, () -> {
            CommandOutcome outcome = command(caller, device, payload);
            onLoop(v -> commanded(qos, packetId, device, outcome, correlation, received));
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
            Command command = access.commands().send(caller, devicePseudonym, request);
            result.put("accepted", true);
            result.put("commandId", command.id());
            result.put("state", command.state().name().toLowerCase(java.util.Locale.ROOT));
            if (command.detail() != null) {
                result.put("detail", command.detail());
            }
            return new CommandOutcome(result.toString(), MqttPubAckReasonCode.SUCCESS, null);
        } catch (PactumException e) {
            MqttPubAckReasonCode code = e.code() == ErrorCode.INVALID_INPUT
                    ? MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID : MqttPubAckReasonCode.NOT_AUTHORIZED;
            return refused(result, e.code(), e.getMessage(), code);
        } catch (RuntimeException | Error e) {
            LOG.warn("command of partner {} failed: {}", clientId, e.toString());
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
        } catch (java.io.IOException e) {
            throw new io.pactum.core.error.InvalidInputException(null, "the command is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new io.pactum.core.error.InvalidInputException(null, "the command must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("name") && !name.equals("parameters")) {
                throw new io.pactum.core.error.InvalidInputException(name, "unknown member '" + name
                        + "'; a command has a name and parameters");
            }
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual()) {
            throw new io.pactum.core.error.InvalidInputException("name", "name must be a string");
        }
        JsonNode parameters = node.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw new io.pactum.core.error.InvalidInputException("parameters", "parameters must be a JSON object");
        }
        return new NewCommand(name.asText(), parameters instanceof ObjectNode object ? object : null);
    }

    /** Back on the event loop: acknowledges the command, then publishes its result (if subscribed to it). */
    private void commanded(MqttQoS qos, int packetId, String devicePseudonym, CommandOutcome outcome,
            byte @Nullable [] correlation, Promise<Void> received) {
        pendingCommands--;
        if (ended) {
            awaitingRelease.remove(packetId);
            return;
        }
        boolean success = outcome.code() == MqttPubAckReasonCode.SUCCESS || !mqtt5;
        MqttProperties reason = outcome.reason() != null ? reasonString(outcome.reason()) : MqttProperties.NO_PROPERTIES;
        switch (qos) {
            case AT_LEAST_ONCE -> ifConnected(() -> {
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
                ifConnected(() -> {
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
        String topic = PartnerTopics.commandResults(organisationId, devicePseudonym);
        MqttQoS qos = null;
        for (Map.Entry<String, MqttQoS> subscription : subscriptions.entrySet()) {
            if (PartnerTopics.matches(subscription.getKey(), topic)
                    && (qos == null || subscription.getValue().value() > qos.value())) {
                qos = subscription.getValue();
            }
        }
        if (qos == null) {
            LOG.debug("partner {} is not subscribed to its command results; result not published", clientId);
            return;
        }
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        if (mqtt5) {
            properties = new MqttProperties();
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1));
            properties.add(new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, "application/json"));
            if (correlation != null) {
                properties.add(new MqttProperties.BinaryProperty(MqttProperties.CORRELATION_DATA, correlation));
            }
        }
        int packetId = 0;
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            packetId = nextPacketId();
            resultPackets.add(packetId);
        }
        publish(topic, json.getBytes(StandardCharsets.UTF_8), qos, false, packetId, properties);
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

    private void refusePublish(MqttPublishMessage message) {
        String detail = PartnerTopics.isForeign(organisationId, message.topicName())
                ? "publish to a device's or another organisation's topic" : "publish outside the partner's topics";
        raise(SignalType.FORBIDDEN_PUBLISH, detail);
        if (!mqtt5) {
            // As for devices: MQTT 3.1.1 cannot refuse a publish, and acknowledging would claim it was taken.
            disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED);
            return;
        }
        MqttProperties reason = reasonString(detail);
        switch (message.qosLevel()) {
            case AT_LEAST_ONCE -> endpoint.publishAcknowledge(message.messageId(), MqttPubAckReasonCode.NOT_AUTHORIZED,
                    reason);
            case EXACTLY_ONCE -> endpoint.publishReceived(message.messageId(), MqttPubRecReasonCode.NOT_AUTHORIZED,
                    reason);
            default -> { }
        }
    }

    // ---- end of the connection ----

    private void onDisconnectMessage(MqttDisconnectMessage message) {
        LOG.debug("partner {} sent DISCONNECT from {}", clientId, source);
        if (!mqtt5) {
            return;
        }
        Object expiry = property(message.properties(), MqttProperties.SESSION_EXPIRY_INTERVAL);
        if (expiry instanceof Integer seconds && persistent && seconds == 0) {
            persistent = false; // the client ends its session with this connection (MQTT 5, 3.14.2.2.2)
        }
    }

    private void onClosed() {
        LOG.debug("partner {} disconnected from {}", clientId, source);
        ended = true;
        adapter.unregisterPartner(this);
        if (opened) {
            access.outbox().removeListener(listener);
            OutboxStore store = access.outbox().store();
            if (persistent) {
                Map<Long, Integer> unacknowledged = new HashMap<>(resend);
                recordPackets.forEach((packetId, eventId) -> unacknowledged.put(eventId, packetId));
                adapter.keepSession(clientId, new KeptSession(subscriptions, subscribedToRecords, unacknowledged));
                if (subscribedToRecords && confirmed > storedCursor) {
                    long value = confirmed;
                    storedCursor = value;
                    adapter.partnerLanes.submit(clientId, () -> saveQuietly(store, value));
                }
            } else {
                adapter.keepSession(clientId, null);
                adapter.partnerLanes.submit(clientId, () -> {
                    try {
                        store.deleteCursor(organisationId, channel);
                    } catch (RuntimeException e) {
                        LOG.warn("could not delete the cursor of partner {}: {}", clientId, e.toString());
                    }
                });
            }
        }
        closeActions.forEach(Runnable::run);
        closed.tryComplete();
    }

    private void saveQuietly(OutboxStore store, long value) {
        try {
            store.saveCursor(organisationId, channel, value);
        } catch (RuntimeException e) {
            LOG.warn("could not save the cursor of partner {}: {}", clientId, e.toString());
        }
    }

    private void onException(Throwable failure) {
        if (causedBy(failure, TooLongFrameException.class)) {
            raise(SignalType.OVERSIZED_MESSAGE, "MQTT packet larger than " + maxMessageBytes + " bytes");
            disconnect(MqttDisconnectReasonCode.PACKET_TOO_LARGE);
        } else if (causedBy(failure, DecoderException.class)) {
            LOG.debug("malformed packet from partner {} at {}", clientId, source);
            disconnect(MqttDisconnectReasonCode.MALFORMED_PACKET);
        } else {
            LOG.debug("connection of partner {} at {} failed: {}", clientId, source, failure.toString());
            disconnect(MqttDisconnectReasonCode.UNSPECIFIED_ERROR);
        }
    }

    // ---- helpers ----

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Object property(MqttProperties properties, int id) {
        MqttProperties.MqttProperty<?> property = properties.getProperty(id);
        return property != null ? property.value() : null;
    }

    private static long sessionExpiry(MqttProperties connect) {
        Object value = property(connect, MqttProperties.SESSION_EXPIRY_INTERVAL);
        return value instanceof Integer seconds ? Integer.toUnsignedLong(seconds) : 0;
    }

    private static MqttProperties copy(MqttProperties properties) {
        MqttProperties copy = new MqttProperties();
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            copy.add(property);
        }
        return copy;
    }

    /** An upper bound of the PUBLISH packet's size: fixed header, topic, packet id, properties, payload. */
    private static long packetBytes(String topic, int payloadBytes, int propertyBytes) {
        return 5L + 2 + topic.length() + 2 + 4 + propertyBytes + payloadBytes;
    }

    private MqttProperties reasonString(String detail) {
        if (!mqtt5 || !problemInformation) {
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
                LOG.trace("connection of partner {} closed before the reply", clientId);
            }
        }
    }

    private void raise(SignalType type, String detail) {
        signals.raise(new SecuritySignal(type, clock.instant(), clientId, source, detail));
    }
}
