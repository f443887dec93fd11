package io.pactum.server.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A partner's MQTT session on its records topic. Kept: every delivery with its arrival time, so that
 * a test can say whether anything of an attacker's arrived after containment; or, for long runs,
 * each delivery handed to a listener and not kept.
 */
public final class PartnerFeed implements AutoCloseable {
    /** Hears of each delivery, on the client's event loop: must be quick and must not block. */
    @FunctionalInterface
    public interface Listener {
        /** {@code event} is the delivery as received, the JSON object docs/sharing.md describes. */
        void delivered(Delivered delivered, JsonNode event);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final String topic;
    private final List<Delivered> received = new ArrayList<>();
    private int unreadable;

    private PartnerFeed(MqttClient client, String topic, @Nullable Listener listener) {
        this.client = client;
        this.topic = topic;
        client.publishHandler(message -> {
            Instant arrived = Instant.now();
            JsonNode event;
            Delivered delivered;
            try {
                event = JSON.readTree(message.payload().getBytes());
                JsonNode subject = event.at("/record/subjectPseudonym");
                delivered = new Delivered(event.get("eventId").asLong(), event.at("/record/devicePseudonym").asText(),
                        subject.isTextual() ? subject.asText() : null,
                        Instant.parse(event.at("/record/time").asText()), arrived);
            } catch (IOException | RuntimeException e) {
                countUnreadable();
                return;
            }
            if (listener == null) {
                add(delivered);
            } else {
                listener.delivered(delivered, event);
            }
        });
    }

    /** Connects as the partner (persistent session) and subscribes at QoS 1; waits for both; keeps every delivery. */
    public static PartnerFeed open(Vertx vertx, LoopbackTarget target, Scenario.Partner partner) {
        return open(vertx, target, partner, null);
    }

    /**
     * Connects as the partner (persistent session) and subscribes at QoS 1; waits for both. With a
     * listener, deliveries go to it and {@link #received()} stays empty.
     */
    public static PartnerFeed open(Vertx vertx, LoopbackTarget target, Scenario.Partner partner,
            @Nullable Listener listener) {
        Objects.requireNonNull(partner, "partner");
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId(partner.clientId())
                .setUsername(partner.clientId())
                .setPassword(partner.token())
                .setCleanSession(false)
                .setKeepAliveInterval(60)
                .setAutoKeepAlive(true));
        PartnerFeed feed = new PartnerFeed(client, "partners/" + partner.organisationId() + "/records", listener);
        DeviceLink.await(client.connect(target.mqttPort(), target.host()));
        DeviceLink.await(client.subscribe(feed.topic, MqttQoS.AT_LEAST_ONCE.value()));
        return feed;
    }

    private synchronized void add(Delivered delivered) {
        received.add(delivered);
    }

    private synchronized void countUnreadable() {
        unreadable++;
    }

    /** Everything received so far, in arrival order, duplicates included. */
    public synchronized List<Delivered> received() {
        return List.copyOf(received);
    }

    /** Deliveries that could not be read as events; should stay 0. */
    public synchronized int unreadable() {
        return unreadable;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        if (client.isConnected()) {
            try {
                DeviceLink.await(client.disconnect());
            } catch (IllegalStateException alreadyGone) {
                // closed by the hub meanwhile
            }
        }
    }
}
