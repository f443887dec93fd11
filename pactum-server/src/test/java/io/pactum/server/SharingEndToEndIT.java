package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.ledger.LedgerEntryType;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4, must show 3, over loopback with the real hub: devices publish over MQTT; a clinic
 * (care, on consent, exact glucose) and an analytics company (product improvement, legitimate
 * interest, rounded and coarsened, hourly) receive different views — the clinic over an MQTT
 * persistent session and Server-Sent Events, the analytics company over a signed webhook; a consent
 * withdrawal stops the clinic's deliveries from the next message; the webhook endpoint is down for a
 * while and the clinic's MQTT client offline, and both receive everything once back.
 */
class SharingEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Hub hub;
    private String base;
    private String admin;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void startHub() {
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.resolve("data").toString(),
                "pactum.http.port", "0",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000",
                "pactum.sharing.webhook-allow-plain-http", "true",
                "pactum.sharing.webhook-allow-private-addresses", "true"));
        hub = Hub.start(config);
        base = "http://127.0.0.1:" + hub.httpPort() + "/api/v1";
        admin = hub.firstAdminToken().orElseThrow().token();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort: the hub goes next
            }
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void twoPartnersReceiveTheirOwnViews_consentWithdrawalStopsTheNextMessage_andAbsentPartnersCatchUp()
            throws Exception {
        // The ecosystem, set up through the API as an operator would.
        String supplier = call("POST", "/organisations", admin, "{\"name\":\"Acme Health\",\"role\":\"supplier\"}")
                .get("id").asText();
        String product = call("POST", "/products", admin, """
                {"supplierId":"%s","model":"Glucose One","firmwareVersion":"1.0","payloadFormat":"json",
                 "ingestPolicy":{"protectionRequired":false},
                 "dataModel":{"fields":[
                   {"name":"glucose","type":"number","unit":"mmol/L","min":0,"max":40,"category":"health"},
                   {"name":"battery","type":"number","unit":"%%","min":0,"max":100,"category":"technical"},
                   {"name":"latitude","type":"number","unit":"deg","min":-90,"max":90,"category":"location"}]}}"""
                .formatted(supplier)).get("id").asText();
        call("PUT", "/products/" + product + "/approval", admin, "{\"state\":\"approved\"}");
        call("POST", "/subjects", admin, "{\"id\":\"patient-1\"}");
        call("POST", "/subjects", admin, "{\"id\":\"patient-2\"}");
        String secret1 = device(product, "glucose-1", "patient-1");
        String secret2 = device(product, "glucose-2", "patient-2");

        String clinic = organisation("City Clinic");
        String analytics = organisation("Insight Analytics");
        String clinicToken = token(clinic);
        String analyticsToken = token(analytics);
        call("POST", "/agreements", admin, """
                {"recipientId":"%s","productIds":["%s"],
                 "fields":{"glucose":{"transform":"keep"},"battery":{"transform":"keep"}},
                 "purpose":"healthcare","legalBasis":"consent","rateLimitPerMinute":10000,
                 "commands":[{"command":"calibrate"}]}""".formatted(clinic, product));
        call("POST", "/agreements", admin, """
                {"recipientId":"%s","productIds":["%s"],
                 "fields":{"glucose":{"transform":"round","step":1},"latitude":{"transform":"coarsen_location","step":0.1}},
                 "purpose":"product_improvement","legalBasis":"legitimate_interest","rateLimitPerMinute":10000,
                 "timeResolution":"hours"}""".formatted(analytics, product));
        consent("patient-1", clinic, "given");
        consent("patient-2", clinic, "given");

        // The clinic listens over MQTT (persistent session) and SSE; analytics over a signed webhook.
        PartnerMqtt clinicMqtt = new PartnerMqtt(hub.mqttPort(), clinicToken, clinic);
        closing.add(clinicMqtt);
        clinicMqtt.connect();
        SseClient clinicSse = SseClient.open(http, base + "/deliveries/stream", clinicToken);
        closing.add(clinicSse);
        WebhookReceiver analyticsHook = WebhookReceiver.start();
        closing.add(analyticsHook);
        JsonNode issued = call("POST", "/webhooks", analyticsToken, "{\"url\":\"" + analyticsHook.url() + "\"}");
        analyticsHook.useSecret(issued.get("secret").asText());

        DeviceMqtt device1 = new DeviceMqtt(hub.mqttPort(), "glucose-1", secret1);
        DeviceMqtt device2 = new DeviceMqtt(hub.mqttPort(), "glucose-2", secret2);
        closing.add(device1);
        closing.add(device2);

        // 1. Five readings from each device: both partners receive all ten, each its own view.
        for (int i = 0; i < 5; i++) {
            device1.publish(5.43 + i, 80 - i, 52.3731);
            device2.publish(7.81 + i, 60 - i, 48.8566);
        }
        await().atMost(WAIT).until(() -> clinicMqtt.events().size() >= 10 && clinicSse.events().size() >= 10
                && analyticsHook.events().size() >= 10);
        JsonNode clinicView = clinicMqtt.events().get(0);
        assertThat(fieldNames(clinicView)).containsExactlyInAnyOrder("glucose", "battery");
        assertThat(clinicView.get("purpose").asText()).isEqualTo("healthcare");
        JsonNode analyticsView = analyticsHook.events().get(0);
        assertThat(fieldNames(analyticsView)).containsExactlyInAnyOrder("glucose", "latitude");
        assertThat(analyticsHook.events()).allSatisfy(e -> {
            assertThat(field(e, "glucose") % 1.0).isZero();
            assertThat(e.at("/record/time").asText()).endsWith(":00:00Z");
        });
        assertThat(analyticsHook.events()).extracting(e -> field(e, "latitude")).containsOnly(52.3, 48.8);
        assertThat(clinicMqtt.events()).extracting(e -> field(e, "glucose")).contains(5.43, 7.81);
        Set<String> clinicDevices = pseudonyms(clinicMqtt.events(), "/record/devicePseudonym");
        Set<String> analyticsDevices = pseudonyms(analyticsHook.events(), "/record/devicePseudonym");
        assertThat(clinicDevices).hasSize(2).doesNotContain("glucose-1", "glucose-2");
        assertThat(analyticsDevices).hasSize(2).doesNotContainAnyElementsOf(clinicDevices);
        assertThat(eventIds(clinicSse.events())).isEqualTo(eventIds(clinicMqtt.events()));
        assertThat(analyticsHook.badSignatures()).isZero();
        String patient1AtClinic = subjectPseudonymOf(clinicMqtt.events(), 5.43);

        // 2. Patient 1 withdraws consent for the clinic: from the very next message, none of theirs.
        consent("patient-1", clinic, "withdrawn");
        int clinicBefore = clinicMqtt.distinctCount();
        int analyticsBefore = analyticsHook.distinctCount();
        for (int i = 0; i < 3; i++) {
            device1.publish(6.0 + i, 70, 52.3731);
            device2.publish(9.0 + i, 50, 48.8566);
        }
        await().atMost(WAIT).until(() -> analyticsHook.distinctCount() >= analyticsBefore + 6
                && clinicMqtt.distinctCount() >= clinicBefore + 3 && clinicSse.distinctCount() >= clinicBefore + 3);
        Thread.sleep(300); // anything wrongly released would have arrived with the rest
        assertThat(clinicMqtt.distinctCount()).isEqualTo(clinicBefore + 3);
        assertThat(clinicMqtt.events().subList(clinicBefore, clinicMqtt.events().size()))
                .allSatisfy(e -> assertThat(e.at("/record/subjectPseudonym").asText()).isNotEqualTo(patient1AtClinic));
        assertThat(hub.ledger().entries(0, 100_000)).filteredOn(e -> e.type() == LedgerEntryType.POLICY_DENIAL
                && "CONSENT_WITHDRAWN".equals(e.details().get("reason"))).hasSize(3);

        // 3. The webhook endpoint fails and the clinic's MQTT client is offline while ten more arrive.
        analyticsHook.failWith(503);
        clinicMqtt.disconnect();
        Set<Long> clinicSeen = eventIds(clinicMqtt.events());
        for (int i = 0; i < 10; i++) {
            device2.publish(10.0 + i, 40, 48.8566);
        }
        await().atMost(WAIT).until(() -> analyticsHook.failures() >= 2);
        analyticsHook.failWith(0);
        clinicMqtt.connect();

        await().atMost(WAIT).until(() -> analyticsHook.distinctCount() >= analyticsBefore + 16
                && clinicMqtt.distinctCount() >= clinicSeen.size() + 10
                && clinicSse.distinctCount() >= clinicSeen.size() + 10);
        assertThat(eventIds(clinicMqtt.events())).isEqualTo(eventIds(clinicSse.events())).containsAll(clinicSeen);
        assertThat(analyticsHook.distinctCount()).isEqualTo(26);
        assertThat(clinicMqtt.distinctCount()).isEqualTo(23);
        assertThat(analyticsHook.badSignatures()).isZero();
        assertThat(hub.webhookCounters().deadLettered()).isZero();

        // A partner command: granted for the clinic's devices, refused with its reason otherwise.
        String device2AtClinic = clinicMqtt.events().get(clinicMqtt.events().size() - 1)
                .at("/record/devicePseudonym").asText();
        HttpResponse<String> granted = send("POST", "/shared-devices/" + device2AtClinic + "/commands", clinicToken,
                "{\"name\":\"calibrate\",\"parameters\":{\"offset\":0.2}}");
        assertThat(granted.statusCode()).isEqualTo(201);
        assertThat(granted.body()).doesNotContain("glucose-2");
        HttpResponse<String> refused = send("POST", "/shared-devices/" + device2AtClinic + "/commands", clinicToken,
                "{\"name\":\"reboot\",\"parameters\":{}}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("command-not-granted");
        HttpResponse<String> analyticsCommand = send("POST", "/shared-devices/" + analyticsDevices.iterator().next()
                + "/commands", analyticsToken, "{\"name\":\"calibrate\",\"parameters\":{}}");
        assertThat(analyticsCommand.statusCode()).isIn(403, 404);
    }

    private String organisation(String name) throws Exception {
        return call("POST", "/organisations", admin, "{\"name\":\"" + name + "\",\"role\":\"partner\"}").get("id").asText();
    }

    private String token(String organisation) throws Exception {
        return call("POST", "/organisations/" + organisation + "/clients", admin,
                "{\"name\":\"integration\",\"scopes\":[\"read\",\"write\"]}").get("token").asText();
    }

    private String device(String product, String id, String subject) throws Exception {
        return call("POST", "/devices", admin, "{\"productId\":\"" + product + "\",\"id\":\"" + id
                + "\",\"subjectId\":\"" + subject + "\"}").get("secret").asText();
    }

    private void consent(String subject, String recipient, String action) throws Exception {
        call("POST", "/consents", admin, """
                {"subjectId":"%s","recipientId":"%s","purpose":"healthcare","action":"%s","method":"operator-on-behalf"}"""
                .formatted(subject, recipient, action));
    }

    private static List<String> fieldNames(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.at("/record/fields").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private static double field(JsonNode event, String name) {
        for (JsonNode f : event.at("/record/fields")) {
            if (f.get("name").asText().equals(name)) {
                return f.get("value").asDouble();
            }
        }
        throw new AssertionError("no field " + name + " in " + event);
    }

    private static Set<String> pseudonyms(List<JsonNode> events, String pointer) {
        return events.stream().map(e -> e.at(pointer).asText()).collect(Collectors.toSet());
    }

    private static Set<Long> eventIds(List<JsonNode> events) {
        return ReceivedEvents.eventIds(events);
    }

    private static String subjectPseudonymOf(List<JsonNode> events, double glucose) {
        return events.stream().filter(e -> field(e, "glucose") == glucose).findFirst().orElseThrow()
                .at("/record/subjectPseudonym").asText();
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> response = send(method, path, token, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A device publishing JSON readings at QoS 1. */
    private static final class DeviceMqtt implements AutoCloseable {
        private final MqttClient client;
        private final String id;

        DeviceMqtt(int port, String id, String secret) throws Exception {
            this.id = id;
            client = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(id);
            options.setPassword(secret.toCharArray());
            options.setCleanSession(true);
            client.connect(options);
        }

        void publish(double glucose, double battery, double latitude) throws Exception {
            String payload = "{\"glucose\":" + glucose + ",\"battery\":" + battery + ",\"latitude\":" + latitude + "}";
            client.publish("devices/" + id + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }
}
