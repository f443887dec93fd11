package io.pactum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A partner's MQTT client with a persistent session (clean session off): it subscribes to its
 * organisation's records at QoS 1 and keeps every event it receives, duplicates included.
 */
final class PartnerMqtt implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final String token;
    private final String organisationId;
    private final ReceivedEvents events = new ReceivedEvents();

    PartnerMqtt(int port, String token, String organisationId) throws Exception {
        this.token = token;
        this.organisationId = organisationId;
        client = new MqttClient("tcp://127.0.0.1:" + port, clientIdOf(token), new MemoryPersistence());
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                try {
                    JsonNode event = JSON.readTree(message.getPayload());
                    events.add(event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken t) {}
        });
    }

    /** The API client id inside a bearer token {@code pct_<clientId>_<43 characters>}. */
    static String clientIdOf(String token) {
        return token.substring("pct_".length(), token.length() - 44);
    }

    void connect() throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(clientIdOf(token));
        options.setPassword(token.toCharArray());
        options.setCleanSession(false);
        client.connect(options);
        client.subscribe("partners/" + organisationId + "/records", 1);
    }

    void disconnect() throws Exception {
        client.disconnect();
    }

    List<JsonNode> events() {
        return events.all();
    }

    int distinctCount() {
        return events.distinctCount();
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
