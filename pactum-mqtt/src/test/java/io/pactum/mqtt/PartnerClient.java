package io.pactum.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A partner's MQTT client, Eclipse Paho 3.1.1 or 5, with everything the hub sent it: topic, payload,
 * QoS, the DUP flag and (MQTT 5) the {@code event-id} user property and correlation data. With manual
 * acknowledgements the test decides when (and whether) each QoS 1 message is acknowledged.
 */
abstract class PartnerClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How to connect. {@code persistent}: 3.1.1 clean session 0; MQTT 5 clean start 0 with a session expiry. */
    record Options(boolean persistent, boolean manualAcks, @Nullable Integer receiveMaximum) {
        static Options clean() {
            return new Options(false, false, null);
        }

        static Options persistentSession() {
            return new Options(true, false, null);
        }

        Options withManualAcks() {
            return new Options(persistent, true, receiveMaximum);
        }

        Options withReceiveMaximum(int maximum) {
            return new Options(persistent, manualAcks, maximum);
        }
    }

    /** One message the hub published to the partner. */
    record Message(String topic, String payload, int qos, boolean dup, int packetId, @Nullable String eventIdProperty,
            byte @Nullable [] correlation) {
        JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long eventId() {
            return json().path("eventId").asLong();
        }
    }

    /** Messages in arrival order. */
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    /** Completes when the connection ended without the client asking: the MQTT 5 DISCONNECT reason code, or -1. */
    final CompletableFuture<Integer> lost = new CompletableFuture<>();

    static PartnerClient v3(String url, String clientId, @Nullable String userName, @Nullable String password,
            Options options) throws Exception {
        return PartnerV3.connect(url, clientId, userName, password, options);
    }

    static PartnerClient v5(String url, String clientId, @Nullable String userName, @Nullable String password,
            Options options) throws Exception {
        return PartnerV5.connect(url, clientId, userName, password, options);
    }

    /** Connects with MQTT 3.1.1 ({@code version} 3) or 5. */
    static PartnerClient connect(int version, String url, String clientId, String token, Options options)
            throws Exception {
        return version == 5 ? v5(url, clientId, clientId, token, options) : v3(url, clientId, clientId, token, options);
    }

    abstract boolean isV5();

    /** The session-present flag of the CONNACK. */
    abstract boolean sessionPresent();

    /** Subscribes; the granted QoS, or the failure code (3.1.1: 0x80; MQTT 5: the reason code). */
    abstract int subscribe(String filter, int qos) throws Exception;

    /** Publishes and waits for the acknowledgement (QoS 1); the MQTT 5 reason code, 0 on 3.1.1. */
    abstract int publish(String topic, String payload, int qos, byte @Nullable [] correlation) throws Exception;

    /** Acknowledges a message received with manual acknowledgements. */
    abstract void ack(Message message) throws Exception;

    /** Closes the connection without DISCONNECT: the hub sees the connection drop. */
    abstract void drop() throws Exception;

    abstract boolean isConnected();

    /** Disconnects (DISCONNECT, if still connected) and releases the client. */
    @Override
    public abstract void close();

    /** The next message, waiting up to 10 s; fails if none came. */
    Message next() throws InterruptedException {
        Message message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s");
        }
        return message;
    }

    /** The next {@code n} messages. */
    List<Message> next(int n) throws InterruptedException {
        List<Message> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            messages.add(next());
        }
        return messages;
    }

    int awaitLost() throws Exception {
        return lost.get(10, TimeUnit.SECONDS);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Eclipse Paho for MQTT 3.1.1. */
    private static final class PartnerV3 extends PartnerClient {
        private final org.eclipse.paho.client.mqttv3.MqttAsyncClient client;
        private boolean sessionPresent;

        private PartnerV3(String url, String clientId) throws org.eclipse.paho.client.mqttv3.MqttException {
            client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(url, clientId,
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    lost.complete(-1);
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                    received.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                            message.getQos(), message.isDuplicate(), message.getId(), null, null));
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
            });
        }

        static PartnerV3 connect(String url, String clientId, @Nullable String userName, @Nullable String password,
                Options options) throws org.eclipse.paho.client.mqttv3.MqttException {
            PartnerV3 partner = new PartnerV3(url, clientId);
            org.eclipse.paho.client.mqttv3.MqttConnectOptions connect = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            connect.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
            if (userName != null) {
                connect.setUserName(userName);
            }
            if (password != null) {
                connect.setPassword(password.toCharArray());
            }
            connect.setCleanSession(!options.persistent());
            connect.setAutomaticReconnect(false);
            connect.setKeepAliveInterval(60);
            connect.setConnectionTimeout(10);
            partner.client.setManualAcks(options.manualAcks());
            try {
                org.eclipse.paho.client.mqttv3.IMqttToken token = partner.client.connect(connect);
                token.waitForCompletion(10_000);
                partner.sessionPresent = token.getSessionPresent();
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                partner.client.close(true);
                throw e;
            }
            return partner;
        }

        @Override
        boolean isV5() {
            return false;
        }

        @Override
        boolean sessionPresent() {
            return sessionPresent;
        }

        @Override
        int subscribe(String filter, int qos) throws Exception {
            org.eclipse.paho.client.mqttv3.IMqttToken token = client.subscribe(filter, qos);
            try {
                token.waitForCompletion(10_000);
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                return e.getReasonCode();
            }
            return token.getGrantedQos()[0];
        }

        @Override
        int publish(String topic, String payload, int qos, byte @Nullable [] correlation) throws Exception {
            org.eclipse.paho.client.mqttv3.MqttMessage message = new org.eclipse.paho.client.mqttv3.MqttMessage(
                    utf8(payload));
            message.setQos(qos);
            client.publish(topic, message).waitForCompletion(10_000);
            return 0;
        }

        @Override
        void ack(Message message) throws Exception {
            client.messageArrivedComplete(message.packetId(), message.qos());
        }

        @Override
        void drop() throws Exception {
            client.disconnectForcibly(0, 1_000, false);
        }

        @Override
        boolean isConnected() {
            return client.isConnected();
        }

        @Override
        public void close() {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(5_000);
                }
            } catch (org.eclipse.paho.client.mqttv3.MqttException ignored) {
                // closed by the server first
            }
            try {
                client.close(true);
            } catch (org.eclipse.paho.client.mqttv3.MqttException ignored) {
                // already closed
            }
        }
    }

    /** Eclipse Paho for MQTT 5. */
    private static final class PartnerV5 extends PartnerClient {
        private final org.eclipse.paho.mqttv5.client.MqttAsyncClient client;
        private boolean sessionPresent;

        private PartnerV5(String url, String clientId) throws org.eclipse.paho.mqttv5.common.MqttException {
            client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(url, clientId,
                    new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
                @Override
                public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
                    lost.complete(response.getReturnCode());
                }

                @Override
                public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {}

                @Override
                public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                    org.eclipse.paho.mqttv5.common.packet.MqttProperties properties = message.getProperties();
                    String eventId = null;
                    byte[] correlation = null;
                    if (properties != null) {
                        for (org.eclipse.paho.mqttv5.common.packet.UserProperty p : properties.getUserProperties()) {
                            if (p.getKey().equals("event-id")) {
                                eventId = p.getValue();
                            }
                        }
                        correlation = properties.getCorrelationData();
                    }
                    received.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                            message.getQos(), message.isDuplicate(), message.getId(), eventId, correlation));
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

                @Override
                public void connectComplete(boolean reconnect, String serverUri) {}

                @Override
                public void authPacketArrived(int reasonCode,
                        org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {}
            });
        }

        static PartnerV5 connect(String url, String clientId, @Nullable String userName, @Nullable String password,
                Options options) throws org.eclipse.paho.mqttv5.common.MqttException {
            PartnerV5 partner = new PartnerV5(url, clientId);
            org.eclipse.paho.mqttv5.client.MqttConnectionOptions connect =
                    new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
            if (userName != null) {
                connect.setUserName(userName);
            }
            if (password != null) {
                connect.setPassword(utf8(password));
            }
            connect.setCleanStart(!options.persistent());
            if (options.persistent()) {
                connect.setSessionExpiryInterval(3_600L);
            }
            if (options.receiveMaximum() != null) {
                connect.setReceiveMaximum(options.receiveMaximum());
            }
            connect.setAutomaticReconnect(false);
            connect.setKeepAliveInterval(60);
            connect.setConnectionTimeout(10);
            partner.client.setManualAcks(options.manualAcks());
            try {
                org.eclipse.paho.mqttv5.client.IMqttToken token = partner.client.connect(connect);
                token.waitForCompletion(10_000);
                partner.sessionPresent = token.getSessionPresent();
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                partner.client.close(true);
                throw e;
            }
            return partner;
        }

        @Override
        boolean isV5() {
            return true;
        }

        @Override
        boolean sessionPresent() {
            return sessionPresent;
        }

        @Override
        int subscribe(String filter, int qos) throws Exception {
            org.eclipse.paho.mqttv5.client.IMqttToken token = client.subscribe(filter, qos);
            try {
                token.waitForCompletion(10_000);
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                return e.getReasonCode();
            }
            return token.getReasonCodes()[0];
        }

        @Override
        int publish(String topic, String payload, int qos, byte @Nullable [] correlation) throws Exception {
            org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(
                    utf8(payload));
            message.setQos(qos);
            if (correlation != null) {
                org.eclipse.paho.mqttv5.common.packet.MqttProperties properties =
                        new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
                properties.setCorrelationData(correlation);
                message.setProperties(properties);
            }
            org.eclipse.paho.mqttv5.client.IMqttToken token = client.publish(topic, message);
            try {
                token.waitForCompletion(10_000);
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                return e.getReasonCode();
            }
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 ? 0 : codes[0];
        }

        @Override
        void ack(Message message) throws Exception {
            client.messageArrivedComplete(message.packetId(), message.qos());
        }

        @Override
        void drop() throws Exception {
            client.disconnectForcibly(0, 1_000, false);
        }

        @Override
        boolean isConnected() {
            return client.isConnected();
        }

        @Override
        public void close() {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(5_000);
                }
            } catch (org.eclipse.paho.mqttv5.common.MqttException ignored) {
                // closed by the server first
            }
            try {
                client.close(true);
            } catch (org.eclipse.paho.mqttv5.common.MqttException ignored) {
                // already closed
            }
        }
    }
}
