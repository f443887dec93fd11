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

/**
 * A partner's MQTT session on its records topic, keeping every delivery with its arrival time, so
 * that a test can say whether anything of an attacker's arrived after containment.
 */
public final class PartnerFeed implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final String topic;
    private final List<Delivered> received = new ArrayList<>();
    private int unreadable;

    private PartnerFeed(MqttClient client, String topic) {
        this.client = client;
        this.topic = topic;
        client.publishHandler(message -> {
            Instant arrived = Instant.now();
            try {
                JsonNode event = JSON.readTree(message.payload().getBytes());
                add(new Delivered(event.get("eventId").asLong(), event.at("/record/devicePseudonym").asText(),
                        Instant.parse(event.at("/record/time").asText()), arrived));
            } catch (IOException | RuntimeException e) {
                countUnreadable();
            }
        });
    }

    /** Connects as the partner (persistent session) and subscribes at QoS 1; waits for both. */
    public static PartnerFeed open(Vertx vertx, LoopbackTarget target, Scenario.Partner partner) {
        Objects.requireNonNull(partner, "partner");
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId(partner.clientId())
                .setUsername(partner.clientId())
                .setPassword(partner.token())
                .setCleanSession(false)
                .setKeepAliveInterval(60)
                .setAutoKeepAlive(true));
        PartnerFeed feed = new PartnerFeed(client, "partners/" + partner.organisationId() + "/records");
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
