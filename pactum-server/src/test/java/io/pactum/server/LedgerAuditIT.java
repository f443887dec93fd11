package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryDecoder;
import io.pactum.core.ledger.LedgerEntryType;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.merkle.MerkleHash;
import io.pactum.core.ledger.subject.SealedValue;
import io.pactum.core.ledger.subject.SubjectKey;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit ledger of the packaged hub, as an operator or auditor uses it: killed during a burst of
 * acknowledged changes, the log still verifies and holds every one of them; tampering in the
 * database is reported by {@code pactum audit verify} with the first bad index; proofs printed by
 * {@code pactum audit proof} verify offline with only the public key, and altered ones do not.
 */
class LedgerAuditIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void killedDuringABurstOfChanges_theLogVerifiesAndHoldsEveryAcknowledgedOne() throws Exception {
        Path data = dir.resolve("data");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            String token = hub.token().orElseThrow();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; running.get() && i < 2_000; i++) {
                        try {
                            HttpResponse<String> created = post(hub.port(), "/api/v1/organisations", token,
                                    "{\"name\":\"Burst " + writer + "-" + i + "\",\"role\":\"supplier\"}");
                            if (created.statusCode() == 201) {
                                acknowledged.add(JSON.readTree(created.body()).get("id").asText());
                            }
                        } catch (IOException | InterruptedException e) {
                            return; // the hub is gone: what was acknowledged so far is what counts
                        }
                    }
                });
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (acknowledged.size() < 150 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            hub.kill();
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);

        // the restarted hub opens the ledger where it stopped and signs a checkpoint on the way out
        try (HubProcess again = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            again.stop(); // SIGTERM: the shutdown hook closes the hub, which signs a last checkpoint
        }
        CommandResult verify = HubProcess.run("audit", "verify", "--data-dir", data.toString());
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("OK: ");

        Set<String> inLedger = new HashSet<>();
        for (LedgerEntry entry : entries(data)) {
            if (entry.type() == LedgerEntryType.REGISTRY_CHANGE
                    && "organisation.created".equals(entry.details().get("action"))) {
                inLedger.add(entry.details().get("organisationId"));
            }
        }
        assertThat(inLedger).containsAll(acknowledged);
    }

    @Test
    void killedDuringABurstOfMessages_everyStoredReleaseIsInTheLedger_andEveryAcknowledgedMessageWasStored()
            throws Exception {
        Path data = dir.resolve("data");
        String deviceId = "meter-1";
        String agreement;
        AtomicInteger acknowledged = new AtomicInteger();
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            Api api = new Api(hub.port(), hub.token().orElseThrow());
            String supplier = api.call("POST", "/organisations", "{\"name\":\"Acme\",\"role\":\"supplier\"}").get("id").asText();
            String product = api.call("POST", "/products", """
                    {"supplierId":"%s","model":"Meter","firmwareVersion":"1.0","payloadFormat":"json",
                     "ingestPolicy":{"protectionRequired":false},
                     "dataModel":{"fields":[{"name":"power","type":"number","unit":"W","min":0,"max":100000,"category":"technical"}]}}"""
                    .formatted(supplier)).get("id").asText();
            api.call("PUT", "/products/" + product + "/approval", "{\"state\":\"approved\"}");
            api.call("POST", "/subjects", "{\"id\":\"household-1\"}");
            String secret = api.call("POST", "/devices", "{\"productId\":\"" + product + "\",\"id\":\"" + deviceId
                    + "\",\"subjectId\":\"household-1\"}").get("secret").asText();
            String partner = api.call("POST", "/organisations", "{\"name\":\"Grid\",\"role\":\"partner\"}").get("id").asText();
            agreement = api.call("POST", "/agreements", """
                    {"recipientId":"%s","productIds":["%s"],"fields":{"power":{"transform":"keep"}},
                     "purpose":"service_provision","legalBasis":"contract","rateLimitPerMinute":1000000}"""
                    .formatted(partner, product)).get("id").asText();

            MqttClient device = new MqttClient("tcp://127.0.0.1:" + hub.mqttPort(), deviceId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(deviceId);
            options.setPassword(secret.toCharArray());
            device.connect(options);
            Thread publisher = new Thread(() -> {
                try {
                    for (int i = 0; i < 100_000; i++) {
                        // QoS 1: returns once the hub's PUBACK arrived, i.e. once the hub acknowledged it
                        device.publish("devices/" + deviceId + "/telemetry",
                                ("{\"power\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
                        acknowledged.incrementAndGet();
                    }
                } catch (MqttException e) {
                    // the hub is gone: what was acknowledged so far is what counts
                }
            });
            publisher.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (acknowledged.get() < 200 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            hub.kill();
            publisher.join(30_000);
            device.close(true);
        }
        assertThat(acknowledged.get()).isGreaterThanOrEqualTo(200);

        try (HubProcess again = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            again.stop();
        }
        CommandResult verify = HubProcess.run("audit", "verify", "--data-dir", data.toString());
        assertThat(verify.exit()).as(verify.toString()).isZero();

        long releases = entries(data).stream().filter(e -> e.type() == LedgerEntryType.DATA_RELEASE
                && agreement.equals(e.details().get("agreementId"))).count();
        long stored;
        try (JdbcDatabase database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(data), null, null, 2))) {
            stored = database.records().listByDevice(deviceId, Instant.EPOCH, Instant.now().plusSeconds(60), 1_000_000).size();
        }
        assertThat(stored).as("every acknowledged message was stored").isGreaterThanOrEqualTo(acknowledged.get());
        assertThat(releases).as("one release entry per stored record, committed with it").isEqualTo(stored);

        // the household's question "who received my data?", answered from the ledger
        CommandResult disclosures = HubProcess.run("audit", "disclosures", "--subject", "household-1",
                "--data-dir", data.toString());
        assertThat(disclosures.exit()).as(disclosures.toString()).isZero();
        assertThat(disclosures.out().lines()).hasSize((int) releases)
                .allSatisfy(line -> assertThat(line).contains("\"agreementId\":\"" + agreement + "\""));
    }

    @Test
    void tamperingInTheDatabase_isReportedWithTheFirstBadIndex() throws Exception {
        Path data = hubWithSomeHistory();
        String key = HubProcess.run("audit", "key", "--data-dir", data.toString()).out().strip();
        assertThat(key).startsWith("pactum.local/ledger+");

        CommandResult untouched = HubProcess.run("audit", "verify", "--data-dir", data.toString(), "--key", key);
        assertThat(untouched.exit()).as(untouched.toString()).isZero();

        sql(data, "UPDATE ledger_entries SET encoded = ? WHERE entry_index = 7", new byte[] {1, 2, 3});
        CommandResult changed = HubProcess.run("audit", "verify", "--data-dir", data.toString(), "--key", key);
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.out()).contains("FAILED", "first bad index 7");

        sql(data, "DELETE FROM ledger_entries WHERE entry_index = 3", null);
        CommandResult deleted = HubProcess.run("audit", "verify", "--data-dir", data.toString(), "--key", key);
        assertThat(deleted.exit()).isEqualTo(1);
        assertThat(deleted.out()).contains("first bad index 3");
    }

    @Test
    void aHubWhoseLogWasRewritten_refusesToStart_ratherThanSignOverIt() throws Exception {
        Path data = hubWithSomeHistory();
        byte[] forged = {1, 2, 3};
        try (Connection c = DriverManager.getConnection(JdbcDatabase.h2FileUrl(data));
                PreparedStatement s = c.prepareStatement(
                        "UPDATE ledger_entries SET encoded = ?, leaf_hash = ? WHERE entry_index = 4")) {
            s.setBytes(1, forged);
            s.setBytes(2, MerkleHash.leaf(forged).bytes());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        Process serve = HubProcess.command("serve", "--data-dir", data.toString(), "--http-port", "0",
                "--mqtt-port", "0", "--mqtt-tls-port", "0").redirectErrorStream(true).start();
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(serve.exitValue()).as(output).isNotZero();
        assertThat(output).contains("no longer has the root of its latest signed checkpoint");
    }

    @Test
    void proofsPrintedByTheCli_verifyOfflineWithThePublicKey_andAlteredOnesDoNot() throws Exception {
        Path data = hubWithSomeHistory();
        String key = HubProcess.run("audit", "key", "--data-dir", data.toString()).out().strip();

        CommandResult inclusion = HubProcess.run("audit", "proof", "--index", "5", "--data-dir", data.toString());
        assertThat(inclusion.exit()).as(inclusion.toString()).isZero();
        Path proof = Files.writeString(dir.resolve("inclusion.json"), inclusion.out());
        CommandResult valid = HubProcess.run("audit", "verify", "--proof", proof.toString(), "--key", key);
        assertThat(valid.exit()).as(valid.toString()).isZero();
        assertThat(valid.out()).startsWith("VALID");

        // from the first checkpoint (the ledger's start) to the latest: both ends are signed heads
        CommandResult consistency = HubProcess.run("audit", "proof", "--from", "1", "--data-dir", data.toString());
        Path consistent = Files.writeString(dir.resolve("consistency.json"), consistency.out());
        CommandResult grown = HubProcess.run("audit", "verify", "--proof", consistent.toString(), "--key", key);
        assertThat(grown.exit()).as(grown.toString()).isZero();

        // another entry's bytes under this proof: the leaf no longer hashes into the signed root
        String other = HubProcess.run("audit", "proof", "--index", "6", "--data-dir", data.toString()).out();
        String forged = inclusion.out().replace(field(inclusion.out(), "entry"), field(other, "entry"))
                .replace(field(inclusion.out(), "leafHash"), field(other, "leafHash"));
        Path altered = Files.writeString(dir.resolve("forged.json"), forged);
        CommandResult invalid = HubProcess.run("audit", "verify", "--proof", altered.toString(), "--key", key);
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).startsWith("INVALID");
    }

    @Test
    void erasingASubjectsKey_leavesTheirEntriesUnreadable_andTheLogVerifiable() throws Exception {
        Path data = dir.resolve("data");
        String subjectId;
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr.log"))) {
            HttpResponse<String> created = post(hub.port(), "/api/v1/subjects", hub.token().orElseThrow(), "{}");
            assertThat(created.statusCode()).isEqualTo(201);
            subjectId = JSON.readTree(created.body()).get("id").asText();
            hub.stop();
        }
        LedgerEntry created = entries(data).stream()
                .filter(e -> "subject.created".equals(e.details().get("action"))).findFirst().orElseThrow();
        String sealed = created.details().get("subjectId");
        assertThat(sealed).startsWith("sealed:v1:").doesNotContain(subjectId);
        String keyId = SealedValue.parse(sealed).keyId();
        assertThat(subjectKey(data, keyId)).isPresent();

        CommandResult erased = HubProcess.run("audit", "erase-subject", "--subject", subjectId, "--data-dir", data.toString());
        assertThat(erased.exit()).as(erased.toString()).isZero();
        assertThat(erased.out()).contains("erased ledger key " + keyId);

        assertThat(subjectKey(data, keyId)).as("nothing can open the sealed id any more").isEmpty();
        CommandResult verify = HubProcess.run("audit", "verify", "--data-dir", data.toString());
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(entries(data)).anySatisfy(e -> assertThat(e.details())
                .containsEntry("action", "subject.ledger-key-erased").containsEntry("keyId", keyId));
    }

    /** A stopped hub whose ledger holds a few dozen entries and a final checkpoint. */
    private Path hubWithSomeHistory() throws Exception {
        Path data = dir.resolve("data");
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr.log"))) {
            String token = hub.token().orElseThrow();
            for (int i = 0; i < 20; i++) {
                assertThat(post(hub.port(), "/api/v1/organisations", token,
                        "{\"name\":\"Partner " + i + "\",\"role\":\"partner\"}").statusCode()).isEqualTo(201);
            }
            hub.stop();
        }
        return data;
    }

    private static String field(String json, String name) throws IOException {
        return JSON.readTree(json).get(name).asText();
    }

    private static Optional<SubjectKey> subjectKey(Path data, String keyId) {
        try (JdbcDatabase database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(data), null, null, 2))) {
            return database.subjectKeys().findByKeyId(keyId);
        }
    }

    private static List<LedgerEntry> entries(Path data) {
        try (JdbcDatabase database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(data), null, null, 2))) {
            List<LedgerEntry> entries = new ArrayList<>();
            for (StoredEntry stored : database.ledger().read(0, 1_000_000)) {
                entries.add(LedgerEntryDecoder.decode(stored.encoded()));
            }
            return entries;
        }
    }

    /** Changes the stopped hub's database behind its back, as someone with file access could. */
    private static void sql(Path data, String statement, byte[] parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(JdbcDatabase.h2FileUrl(data));
                PreparedStatement s = c.prepareStatement(statement)) {
            if (parameter != null) {
                s.setBytes(1, parameter);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** The operator's API over one running hub. */
    private final class Api {
        private final int port;
        private final String token;

        Api(int port, String token) {
            this.port = port;
            this.token = token;
        }

        JsonNode call(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        }
    }

    private HttpResponse<String> post(int port, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
