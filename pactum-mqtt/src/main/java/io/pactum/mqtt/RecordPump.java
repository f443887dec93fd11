package io.pactum.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.OutboxListener;
import io.pactum.core.delivery.OutboxStore;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a partner's records: reads its outbox after the read position, at most as many entries
 * as the {@link OutboxWindow} has room for, and publishes each on {@code partners/{org}/records} at
 * the QoS of its subscription. As records are confirmed, a persistent session saves the confirmed
 * position as its cursor ({@code mqtt:<client id>}); what the previous connection had sent without
 * acknowledgement is sent again with DUP and its packet id. Outbox reads and cursor writes run in
 * the client's lane of {@link MqttAdapter#partnerLanes} (so in order, also across a takeover); the
 * rest on the event loop, where their results are posted back.
 */
final class RecordPump {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerSession.class);
    /** Records published and not yet acknowledged, at most (fewer if the client's Receive Maximum is lower). */
    static final int MAX_IN_FLIGHT = 100;
    /**
     * Cursor writes of a session are at least this far apart: one commit per acknowledgement would
     * cost more than the deliveries themselves under load (measured: a third of the hub's commits).
     * A crash loses at most this much confirmed progress, which at-least-once delivery resends.
     */
    static final long CURSOR_SAVE_INTERVAL_MILLIS = 200;

    private final PartnerConnection connection;
    private final Outbox outbox;
    private final IngestLanes lanes;
    private final PartnerSubscriptions subscriptions;
    private final PacketIds packetIds;
    private final String channel;
    private final String recordsTopic;
    private final OutboxWindow window;
    private final long clientMaxPacketBytes;
    private final OutboxListener listener = this::appended;

    // Event loop only, from here on.
    private long readPosition;
    private boolean reading;
    private boolean wakeRequested;
    /** The cursor value last handed to the store (or found there). */
    private long storedCursor;
    private boolean saving;

    RecordPump(PartnerConnection connection, Outbox outbox, IngestLanes lanes, PartnerSubscriptions subscriptions,
            PacketIds packetIds, String channel, String recordsTopic) {
        this.connection = connection;
        this.outbox = outbox;
        this.lanes = lanes;
        this.subscriptions = subscriptions;
        this.packetIds = packetIds;
        this.channel = channel;
        this.recordsTopic = recordsTopic;
        MqttProperties connect = connection.endpoint.connectProperties();
        Integer receiveMaximum = connection.mqtt5 ? (Integer) PartnerConnection.property(connect,
                MqttProperties.RECEIVE_MAXIMUM) : null;
        this.window = new OutboxWindow(receiveMaximum != null && receiveMaximum > 0
                ? Math.min(MAX_IN_FLIGHT, receiveMaximum) : MAX_IN_FLIGHT);
        Integer maxPacket = connection.mqtt5 ? (Integer) PartnerConnection.property(connect,
                MqttProperties.MAXIMUM_PACKET_SIZE) : null;
        this.clientMaxPacketBytes = maxPacket != null && maxPacket != 0 ? Integer.toUnsignedLong(maxPacket)
                : Long.MAX_VALUE;
    }

    /** Once CONNACK is sent: delivery starts after {@code position}; {@code cursor} is the one stored. */
    void start(long position, long cursor) {
        readPosition = position;
        window.startAt(position);
        storedCursor = cursor;
        outbox.addListener(listener);
        pump();
    }

    /** Records are subscribed to: a persistent session with a records subscription exists from now on. */
    void recordsSubscribed() {
        saveCursor();
        pump();
    }

    /** The outbox listener: must not block, so it only hops onto the event loop. */
    private void appended(Set<String> recipientIds) {
        if (recipientIds.contains(connection.organisationId)) {
            connection.onLoop(v -> {
                wakeRequested = true;
                pump();
            });
        }
    }

    /** Reads more of the outbox if the session is subscribed, not reading already, and has room. */
    void pump() {
        if (connection.ended() || !connection.opened() || subscriptions.recordsQos() == null || reading) {
            return;
        }
        int room = window.room();
        if (room <= 0) {
            return;
        }
        reading = true;
        wakeRequested = false;
        long after = readPosition;
        int limit = Math.min(room, Outbox.MAX_BATCH);
        lanes.submit(connection.clientId, () -> {
            Outbox.Batch batch;
            try {
                batch = outbox.next(connection.organisationId, after, limit, channel);
            } catch (RuntimeException e) {
                connection.onLoop(v -> {
                    reading = false;
                    // Tried again on the next wake-up or poll.
                    LOG.warn("could not read the outbox of partner {}: {}", connection.clientId, e.toString());
                });
                return;
            }
            connection.onLoop(v -> read(after, batch));
        });
    }

    private void read(long after, Outbox.Batch batch) {
        reading = false;
        MqttQoS qos = subscriptions.recordsQos();
        if (connection.ended() || qos == null) {
            return; // unsubscribed meanwhile: read again from the same position when subscribed again
        }
        long last = after;
        for (Delivery delivery : batch.deliveries()) {
            publishRecord(delivery, qos);
            last = delivery.eventId();
        }
        if (batch.lastEventId() > last) {
            // Entries withheld at delivery (agreement or consent changed): nothing to send, but passed.
            window.pass(batch.lastEventId());
        }
        readPosition = Math.max(readPosition, batch.lastEventId());
        packetIds.passed(readPosition);
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
            LOG.warn("record {} for partner {} exceeds the client's Maximum Packet Size; not sent", eventId,
                    connection.clientId);
            window.pass(eventId);
            return;
        }
        MqttProperties properties = connection.mqtt5 ? recordProperties(eventId) : MqttProperties.NO_PROPERTIES;
        if (qos == MqttQoS.AT_MOST_ONCE) {
            OutboxWindow.Slot slot = window.sent(eventId, 0);
            connection.publish(recordsTopic, json, qos, false, 0, properties).onSuccess(id -> {
                if (!connection.ended() && window.complete(slot)) {
                    advance();
                    pump();
                }
            });
            return;
        }
        int earlier = packetIds.resentId(eventId);
        boolean dup = earlier != 0;
        int packetId = dup ? earlier : packetIds.next();
        window.sent(eventId, packetId);
        packetIds.recordSent(packetId, eventId);
        connection.publish(recordsTopic, json, qos, dup, packetId, properties);
    }

    private static MqttProperties recordProperties(long eventId) {
        MqttProperties properties = PartnerConnection.jsonProperties();
        properties.add(new MqttProperties.UserProperty("event-id", Long.toString(eventId)));
        return properties;
    }

    /** An upper bound of the PUBLISH packet's size: fixed header, topic, packet id, properties, payload. */
    private static long packetBytes(String topic, int payloadBytes, int propertyBytes) {
        return 5L + 2 + topic.length() + 2 + 4 + propertyBytes + payloadBytes;
    }

    /** A PUBACK; true if it was for a record, which is then confirmed. */
    boolean acknowledged(int packetId) {
        Long eventId = packetIds.recordAcknowledged(packetId);
        if (eventId == null) {
            return false;
        }
        window.acknowledged(eventId);
        advance();
        pump();
        return true;
    }

    /** Moves the confirmed position over every leading entry that is done; saves it if persistent. */
    private void advance() {
        window.advance();
        saveCursor();
    }

    /**
     * One cursor write at a time per session, at most one per {@link #CURSOR_SAVE_INTERVAL_MILLIS};
     * the latest confirmed position wins, and the last one is written when the connection ends.
     */
    private void saveCursor() {
        if (!connection.persistent() || connection.ended() || saving || !subscriptions.subscribedToRecords()
                || window.confirmed() <= storedCursor) {
            return;
        }
        long value = window.confirmed();
        saving = true;
        storedCursor = value;
        OutboxStore store = outbox.store();
        lanes.submit(connection.clientId, () -> {
            saveQuietly(store, value);
            connection.onLoopAfter(CURSOR_SAVE_INTERVAL_MILLIS, v -> {
                saving = false;
                saveCursor();
            });
        });
    }

    /**
     * The connection ended after it was opened: stops listening, then queues the last cursor write
     * of a persistent session, or deletes the cursor of one that is not.
     */
    void end() {
        outbox.removeListener(listener);
        OutboxStore store = outbox.store();
        if (connection.persistent()) {
            if (subscriptions.subscribedToRecords() && window.confirmed() > storedCursor) {
                long value = window.confirmed();
                storedCursor = value;
                lanes.submit(connection.clientId, () -> saveQuietly(store, value));
            }
        } else {
            lanes.submit(connection.clientId, () -> {
                try {
                    store.deleteCursor(connection.organisationId, channel);
                } catch (RuntimeException e) {
                    LOG.warn("could not delete the cursor of partner {}: {}", connection.clientId, e.toString());
                }
            });
        }
    }

    private void saveQuietly(OutboxStore store, long value) {
        try {
            store.saveCursor(connection.organisationId, channel, value);
        } catch (RuntimeException e) {
            // Not fatal: a later write carries a higher position; at worst entries are sent again.
            LOG.warn("could not save the cursor of partner {}: {}", connection.clientId, e.toString());
        }
    }
}
