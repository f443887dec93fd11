package io.pactum.bench;

import io.pactum.bench.BenchFleet.BenchDevice;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiving side on Mosquitto: one subscriber connection per device topic, subscribed at QoS 1
 * (so a QoS 0 publish arrives at QoS 0 and a QoS 1 publish at QoS 1, acknowledged automatically).
 */
final class Subscribers implements AutoCloseable {
    private final List<MqttClient> clients = new ArrayList<>();
    private volatile Completion current = new Completion(Long.MAX_VALUE);

    Subscribers(Vertx vertx, int port, List<BenchDevice> devices) {
        List<Future<?>> ready = new ArrayList<>();
        for (BenchDevice device : devices) {
            MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                    .setClientId("sub-" + device.id())
                    .setCleanSession(true)
                    .setKeepAliveInterval(60)
                    .setMaxMessageSize(64 * 1024));
            client.publishHandler(message -> current.add(1));
            Promise<Void> subscribed = Promise.promise();
            client.subscribeCompletionHandler(subAck -> {
                if (subAck.grantedQoSLevels().contains(0x80)) {
                    subscribed.tryFail("subscription refused");
                } else {
                    subscribed.tryComplete();
                }
            });
            clients.add(client);
            ready.add(client.connect(port, "127.0.0.1")
                    .compose(ack -> client.subscribe("devices/" + device.id() + "/telemetry", 1))
                    .compose(packetId -> subscribed.future()));
        }
        LoadClients.await(Future.all(ready), "connect and subscribe the Mosquitto subscribers");
    }

    /** Starts counting a new round towards {@code target} messages. */
    Completion expect(long target) {
        Completion completion = new Completion(target);
        current = completion;
        return completion;
    }

    @Override
    public void close() {
        List<Future<?>> closing = new ArrayList<>();
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                closing.add(client.disconnect());
            }
        }
        LoadClients.await(Future.join(closing), "disconnect the subscribers");
    }
}
