package io.pactum.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;

/** An MQTT 5 device (Eclipse Paho), with what the server told it. */
final class V5Client implements AutoCloseable {
    final MqttAsyncClient client;
    /** Completes with the reason code of the server's DISCONNECT, or -1 when the connection just dropped. */
    final CompletableFuture<Integer> disconnected = new CompletableFuture<>();
    /** Messages the server published to this client, in arrival order. */
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    /** A message the server sent: its topic, payload and QoS. */
    record Received(String topic, byte[] payload, int qos) {}

    private V5Client(String url, String clientId) throws MqttException {
        client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                disconnected.complete(response.getReturnCode());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, message.getPayload(), message.getQos()));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    }

    /** Connects with user name = client id = device id; throws with the CONNACK reason code on refusal. */
    static V5Client connect(TestHub hub, String deviceId, String secret) throws MqttException {
        return connect(hub, deviceId, deviceId, secret, 60);
    }

    static V5Client connect(TestHub hub, String clientId, String userName, String secret, int keepAlive)
            throws MqttException {
        return connect(hub.url(), null, clientId, userName, secret, keepAlive);
    }

    /**
     * Connects to {@code url} ({@code tcp://} or {@code ssl://}); {@code sockets} makes the TLS
     * connections (trust, client certificate); user name and secret may be left out.
     */
    static V5Client connect(String url, @Nullable SocketFactory sockets, String clientId, @Nullable String userName,
            @Nullable String secret, int keepAlive) throws MqttException {
        V5Client device = new V5Client(url, clientId);
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (userName != null) {
            options.setUserName(userName);
        }
        if (secret != null) {
            options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        }
        if (sockets != null) {
            options.setSocketFactory(sockets);
        }
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(keepAlive);
        options.setConnectionTimeout(10);
        try {
            device.connectToken = device.client.connect(options);
            device.connectToken.waitForCompletion(10_000);
        } catch (MqttException e) {
            device.closeQuietly();
            throw e;
        }
        return device;
    }

    private IMqttToken connectToken;

    IMqttToken connectToken() {
        return connectToken;
    }

    /** Publishes and waits for the acknowledgement; returns its reason code (0 = success; QoS 0: 0). */
    int publish(String topic, String payload, int qos) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(10_000);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** Subscribes and returns the SUBACK reason code for the filter. */
    int subscribe(String filter, int qos) throws MqttException {
        IMqttToken token = client.subscribe(filter, qos);
        try {
            token.waitForCompletion(10_000);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        return token.getReasonCodes()[0];
    }

    int awaitDisconnect() throws Exception {
        return disconnected.get(10, TimeUnit.SECONDS);
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
