package io.pactum.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;

/** An MQTT 3.1.1 device (Eclipse Paho). */
final class V3Client implements AutoCloseable {
    final MqttAsyncClient client;
    final CompletableFuture<Throwable> connectionLost = new CompletableFuture<>();
    /** Messages the server published to this client, in arrival order. */
    final BlockingQueue<V5Client.Received> received = new LinkedBlockingQueue<>();

    private V3Client(String url, String clientId) throws MqttException {
        client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                connectionLost.complete(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new V5Client.Received(topic, message.getPayload(), message.getQos()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    }

    /** Connects; throws with the CONNACK return code as reason code on refusal. */
    static V3Client connect(TestHub hub, String deviceId, String secret) throws MqttException {
        return connect(hub, deviceId, deviceId, secret, 60);
    }

    static V3Client connect(TestHub hub, String clientId, String userName, String secret, int keepAlive)
            throws MqttException {
        return connect(hub.url(), null, clientId, userName, secret, keepAlive);
    }

    /** Connects to {@code url} ({@code tcp://} or {@code ssl://}); user name and secret may be left out. */
    static V3Client connect(String url, @Nullable SocketFactory sockets, String clientId, @Nullable String userName,
            @Nullable String secret, int keepAlive) throws MqttException {
        V3Client device = new V3Client(url, clientId);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (userName != null) {
            options.setUserName(userName);
        }
        if (secret != null) {
            options.setPassword(secret.toCharArray());
        }
        if (sockets != null) {
            options.setSocketFactory(sockets);
        }
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(keepAlive);
        options.setConnectionTimeout(10);
        try {
            device.client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            device.closeQuietly();
            throw e;
        }
        return device;
    }

    /** Publishes and waits for the acknowledgement (QoS 1 and 2). */
    void publish(String topic, String payload, int qos) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        client.publish(topic, message).waitForCompletion(10_000);
    }

    /** Subscribes and returns the granted QoS, 128 (0x80) when refused. */
    int subscribe(String filter, int qos) throws MqttException {
        IMqttToken token = client.subscribe(filter, qos);
        try {
            token.waitForCompletion(10_000);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        return token.getGrantedQos()[0];
    }

    Throwable awaitConnectionLost() throws Exception {
        return connectionLost.get(10, TimeUnit.SECONDS);
    }

    private void closeQuietly() {
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
        } catch (MqttException ignored) {
            // the server may have closed it first
        }
        closeQuietly();
    }
}
