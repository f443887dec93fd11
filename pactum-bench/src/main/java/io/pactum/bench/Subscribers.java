package io.pactum.bench;

import io.pactum.bench.BenchFleet.BenchDevice;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side: one MQTT 3.1.1 connection (Vert.x MQTT client) per subscription, subscribed at
 * QoS 1 (so a QoS 0 publish arrives at QoS 0 and a QoS 1 publish at QoS 1, acknowledged
 * automatically once the receiver returned). The same class receives from Mosquitto (anonymous, one
 * subscriber per device topic or two on a wildcard) and from the hub (partners, authenticated with
 * their API token, persistent session), so both sides of a comparison pay the same client costs.
 */
final class Subscribers implements AutoCloseable {
    /** One subscriber connection; {@code username} null means anonymous. */
    record Subscription(String clientId, String filter, @Nullable String username, @Nullable String password,
            boolean cleanSession) {
        static Subscription anonymous(String clientId, String filter) {
            return new Subscription(clientId, filter, null, null, true);
        }
    }

    /** Handed every message with the index of the subscription that got it, on that connection's event loop. */
    @FunctionalInterface
    interface Receiver {
        void received(int subscriber, MqttPublishMessage message);
    }

    private final List<MqttClient> clients = new ArrayList<>();
    private volatile Completion current = new Completion(Long.MAX_VALUE);
    private volatile boolean closing;
    final AtomicInteger unexpectedDisconnects = new AtomicInteger();

    Subscribers(Vertx vertx, int port, List<Subscription> subscriptions, Receiver receiver) {
        List<Future<?>> ready = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription s = subscriptions.get(i);
            MqttClientOptions options = new MqttClientOptions()
                    .setClientId(s.clientId())
                    .setCleanSession(s.cleanSession())
                    .setKeepAliveInterval(60)
                    .setMaxMessageSize(64 * 1024);
            if (s.username() != null) {
                options.setUsername(s.username()).setPassword(s.password());
            }
            MqttClient client = MqttClient.create(vertx, options);
            int index = i;
            client.publishHandler(message -> {
                current.add(1);
                receiver.received(index, message);
            });
            client.closeHandler(v -> {
                if (!closing) {
                    unexpectedDisconnects.incrementAndGet();
                    System.err.println("  subscriber " + s.clientId() + " was disconnected by the server");
                }
            });
            Promise<Void> subscribed = Promise.promise();
            client.subscribeCompletionHandler(subAck -> {
                if (subAck.grantedQoSLevels().contains(0x80)) {
                    subscribed.tryFail("subscription to " + s.filter() + " refused");
                } else {
                    subscribed.tryComplete();
                }
            });
            clients.add(client);
            ready.add(client.connect(port, "127.0.0.1")
                    .compose(ack -> client.subscribe(s.filter(), 1))
                    .compose(packetId -> subscribed.future()));
        }
        LoadClients.await(Future.all(ready), "connect and subscribe the subscribers");
    }

    /** One anonymous subscriber per device topic (the ingest harness's receiving side on Mosquitto). */
    static Subscribers perDeviceTopic(Vertx vertx, int port, List<BenchDevice> devices) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (BenchDevice device : devices) {
            subscriptions.add(Subscription.anonymous("sub-" + device.id(), "devices/" + device.id() + "/telemetry"));
        }
        return new Subscribers(vertx, port, subscriptions, (subscriber, message) -> { });
    }

    /** Starts counting a new round towards {@code target} messages (all subscribers together). */
    Completion expect(long target) {
        Completion completion = new Completion(target);
        current = completion;
        return completion;
    }

    @Override
    public void close() {
        closing = true;
        List<Future<?>> closed = new ArrayList<>();
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                closed.add(client.disconnect());
            }
        }
        LoadClients.await(Future.join(closed), "disconnect the subscribers");
    }
}
