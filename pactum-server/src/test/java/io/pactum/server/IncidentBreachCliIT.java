package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.incident.Detection;
import io.pactum.core.incident.DetectionOutcome;
import io.pactum.core.incident.Severity;
import io.pactum.core.ledger.LedgerEntryType;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactum incident breach} on the packaged CLI: an in-process hub is set up with a health
 * product, a subject-linked device and a partner with a consent-based agreement; the device sends a
 * few readings over MQTT, so the ledger records their releases; an incident about the device is
 * raised and the hub stopped. The command then writes the assessment (the one subject, the partner
 * with every record), the Art. 33 draft (deadline 72 h after detection, the contact point, no
 * subject named) and the Art. 34 draft (required: health data). Bad input ends non-zero and writes
 * nothing.
 */
class IncidentBreachCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "patient-7";
    private static final String DEVICE = "glucose-7";
    private static final String CONTACT = "dpo@example.org";
    private static final int MESSAGES = 3;

    @TempDir
    static Path dir;

    private static Path data;
    private static String clinic;
    private static String incidentId;
    private static Instant detectedAt;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void hubWithReleasesAndAnIncident() throws Exception {
        data = dir.resolve("data");
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", data.toString(),
                "pactum.http.port", "0",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000"));
        Hub hub = Hub.start(config);
        try {
            Api api = new Api(hub.httpPort(), hub.firstAdminToken().orElseThrow().token());
            String supplier = api.call("POST", "/organisations", "{\"name\":\"Acme Health\",\"role\":\"supplier\"}")
                    .get("id").asText();
            clinic = api.call("POST", "/organisations", "{\"name\":\"City Clinic\",\"role\":\"partner\"}")
                    .get("id").asText();
            String product = api.call("POST", "/products", """
                    {"supplierId":"%s","model":"Glucose One","firmwareVersion":"1.0","payloadFormat":"json",
                     "ingestPolicy":{"protectionRequired":false},
                     "dataModel":{"fields":[
                       {"name":"glucose","type":"number","unit":"mmol/L","min":0,"max":40,"category":"health"},
                       {"name":"battery","type":"number","unit":"%%","min":0,"max":100,"category":"technical"}]}}"""
                    .formatted(supplier)).get("id").asText();
            api.call("PUT", "/products/" + product + "/approval", "{\"state\":\"approved\"}");
            api.call("POST", "/subjects", "{\"id\":\"" + SUBJECT + "\"}");
            String secret = api.call("POST", "/devices", "{\"productId\":\"" + product + "\",\"id\":\"" + DEVICE
                    + "\",\"subjectId\":\"" + SUBJECT + "\"}").get("secret").asText();
            api.call("POST", "/agreements", """
                    {"recipientId":"%s","productIds":["%s"],
                     "fields":{"glucose":{"transform":"keep"},"battery":{"transform":"keep"}},
                     "purpose":"healthcare","legalBasis":"consent","rateLimitPerMinute":10000}"""
                    .formatted(clinic, product));
            api.call("POST", "/consents", """
                    {"subjectId":"%s","recipientId":"%s","purpose":"healthcare","action":"given","method":"operator-on-behalf"}"""
                    .formatted(SUBJECT, clinic));

            MqttClient device = new MqttClient("tcp://127.0.0.1:" + hub.mqttPort(), DEVICE, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(DEVICE);
            options.setPassword(secret.toCharArray());
            options.setCleanSession(true);
            options.setConnectionTimeout(10);
            device.connect(options);
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    String payload = "{\"glucose\":" + (5.4 + i) + ",\"battery\":" + (80 - i) + "}";
                    device.publish("devices/" + DEVICE + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1,
                            false);
                }
            } finally {
                device.disconnect();
                device.close();
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> releases(hub) >= MESSAGES);
            assertThat(releases(hub)).as("one release per message to the one partner").isEqualTo(MESSAGES);

            // H2 keeps instants to the microsecond at best: a millisecond detection time survives the round trip
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            DetectionOutcome outcome = hub.incidents().raise(new Detection("telemetry-anomaly", DEVICE,
                    "Implausible readings from " + DEVICE, Severity.HIGH, at, Set.of(DEVICE), Set.of(), Set.of(),
                    List.of()));
            assertThat(outcome.opened()).isTrue();
            incidentId = outcome.incident().id();
            detectedAt = outcome.incident().detectedAt();
        } finally {
            hub.close(); // the embedded H2 must be closed before the CLI opens it
        }
    }

    @Test
    void breach_writesTheAssessmentAndBothDrafts() throws Exception {
        Path out = dir.resolve("breach-report");

        CommandResult run = HubProcess.run("incident", "breach", "--incident", incidentId, "--contact", CONTACT,
                "--out", out.toString(), "--data-dir", data.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains(incidentId, "1 named data subject(s)", "1 recipient(s)",
                "Art. 34 communication required");
        assertThat(files(out)).containsExactlyInAnyOrder("assessment.json", "art33-notification.json",
                "art33-notification.md", "art34-communication.json", "art34-communication.md");

        JsonNode assessment = read(out.resolve("assessment.json"));
        assertThat(assessment.get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(names(assessment.get("dataSubjects"))).containsExactly(SUBJECT);
        assertThat(texts(assessment.get("dataSubjects").get(SUBJECT))).contains("health");
        assertThat(assessment.at("/records/total").asLong()).isEqualTo(MESSAGES);
        assertThat(assessment.get("recipients")).singleElement().satisfies(recipient -> {
            assertThat(recipient.get("organisationId").asText()).isEqualTo(clinic);
            assertThat(recipient.get("name").asText()).isEqualTo("City Clinic");
            assertThat(recipient.get("records").asLong()).isEqualTo(MESSAGES);
            assertThat(texts(recipient.get("subjectIds"))).containsExactly(SUBJECT);
            assertThat(texts(recipient.get("purposes"))).containsExactly("healthcare");
        });
        assertThat(texts(assessment.get("deviceIds"))).containsExactly(DEVICE);
        assertThat(texts(assessment.get("categories"))).contains("health");

        JsonNode art33 = read(out.resolve("art33-notification.json"));
        assertThat(art33.get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(Instant.parse(art33.get("becameAwareAt").asText())).isEqualTo(detectedAt);
        assertThat(Instant.parse(art33.get("deadline").asText())).isEqualTo(detectedAt.plus(Duration.ofHours(72)));
        assertThat(art33.get("overdue").asBoolean()).isFalse();
        assertThat(art33.get("contactPoint").asText()).isEqualTo(CONTACT);
        assertThat(texts(art33.get("missing"))).doesNotContain("contactPoint");
        assertThat(art33.at("/nature/approximateDataSubjects").asLong()).isEqualTo(1);
        assertThat(art33.at("/nature/approximateRecords").asLong()).isEqualTo(MESSAGES);
        assertThat(texts(art33.at("/nature/personalDataCategories"))).contains("health");
        assertThat(art33.at("/risk/level").asText()).isEqualTo("high");
        for (String file : List.of("art33-notification.json", "art33-notification.md")) {
            assertThat(Files.readString(out.resolve(file))).as(file + " names no data subject")
                    .doesNotContain(SUBJECT).contains(CONTACT);
        }

        JsonNode art34 = read(out.resolve("art34-communication.json"));
        assertThat(art34.get("required").asBoolean()).as("health data: high risk").isTrue();
        assertThat(texts(art34.get("subjectIds"))).containsExactly(SUBJECT);
        assertThat(art34.get("contactPoint").asText()).isEqualTo(CONTACT);
        assertThat(Files.readString(out.resolve("art34-communication.md"))).contains(CONTACT);
    }

    @Test
    void unknownIncident_endsNonZero_namingIt_andWritesNothing() throws Exception {
        Path out = dir.resolve("unknown-report");

        CommandResult run = HubProcess.run("incident", "breach", "--incident", "no-such-incident", "--out",
                out.toString(), "--data-dir", data.toString());

        assertThat(run.exit()).as("bad input exits 2; " + run).isEqualTo(2);
        assertThat(run.err()).contains("no-such-incident");
        assertThat(out).doesNotExist();
    }

    @Test
    void existingOutputDirectory_endsNonZero_andOverwritesNothing() throws Exception {
        Path out = dir.resolve("occupied");
        Files.createDirectories(out);
        Files.writeString(out.resolve("assessment.json"), "mine");

        CommandResult run = HubProcess.run("incident", "breach", "--incident", incidentId, "--contact", CONTACT,
                "--out", out.toString(), "--data-dir", data.toString());

        assertThat(run.exit()).as("bad input exits 2; " + run).isEqualTo(2);
        assertThat(run.err()).contains(out.getFileName().toString());
        assertThat(files(out)).containsExactly("assessment.json");
        assertThat(Files.readString(out.resolve("assessment.json"))).isEqualTo("mine");
    }

    @Test
    void windowStartingAfterItsEnd_endsNonZero_withAClearMessage() throws Exception {
        Path out = dir.resolve("backwards-report");

        CommandResult run = HubProcess.run("incident", "breach", "--incident", incidentId,
                "--from", "2026-12-31T00:00:00Z", "--to", "2026-01-01", "--out", out.toString(),
                "--data-dir", data.toString());

        assertThat(run.exit()).as("bad input exits 2; " + run).isEqualTo(2);
        assertThat(run.err()).contains("must be before", "2026-12-31T00:00:00Z", "2026-01-01T00:00:00Z");
        assertThat(out).doesNotExist();
    }

    private static long releases(Hub hub) {
        return hub.ledger().entries(0, 100_000).stream().filter(e -> e.type() == LedgerEntryType.DATA_RELEASE)
                .count();
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** The REST API with the operator's token. */
    private record Api(int port, String token) {
        JsonNode call(String method, String path, String body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        }

        @Override
        public String toString() {
            return "Api[" + port + ", token redacted]";
        }
    }
}
