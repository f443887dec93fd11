package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactum evidence export} on the packaged hub (issue #5): a hub with a partner, an approved
 * product, a subject-linked device, an agreement and a consent is stopped and exported; the bundle's
 * files match the manifest, its proofs verify offline with the published key, its record of
 * processing names the partner and the released data categories, and no subject appears in clear.
 */
class EvidenceExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private Path data;
    private String admin;
    private int port;

    @BeforeEach
    void dataDir() {
        data = dir.resolve("data");
    }

    @Test
    void export_writesABundleWhoseHashesProofsAndRecordOfProcessingCheckOut() throws Exception {
        HubProcess hub = HubProcess.serve(data, dir.resolve("stderr.log"));
        try {
            admin = hub.token().orElseThrow();
            port = hub.port();
            String supplier = call("POST", "/organisations", "{\"name\":\"Acme Health\",\"role\":\"supplier\"}").get("id").asText();
            String clinic = call("POST", "/organisations", "{\"name\":\"City Clinic\",\"role\":\"partner\"}").get("id").asText();
            String product = call("POST", "/products", """
                    {"supplierId":"%s","model":"Glucose One","firmwareVersion":"1.0","payloadFormat":"json",
                     "ingestPolicy":{"protectionRequired":false,"retentionDays":90},
                     "dataModel":{"fields":[
                       {"name":"glucose","type":"number","unit":"mmol/L","min":0,"max":40,"category":"health"},
                       {"name":"battery","type":"number","unit":"%%","min":0,"max":100,"category":"technical"},
                       {"name":"latitude","type":"number","unit":"deg","min":-90,"max":90,"category":"location"}]}}"""
                    .formatted(supplier)).get("id").asText();
            call("PUT", "/products/" + product + "/approval", "{\"state\":\"approved\"}");
            call("POST", "/subjects", "{\"id\":\"patient-7\"}");
            call("POST", "/devices", "{\"productId\":\"" + product + "\",\"id\":\"glucose-7\",\"subjectId\":\"patient-7\"}");
            call("POST", "/agreements", """
                    {"recipientId":"%s","productIds":["%s"],
                     "fields":{"glucose":{"transform":"keep"},"battery":{"transform":"keep"}},
                     "purpose":"healthcare","legalBasis":"consent","rateLimitPerMinute":100}""".formatted(clinic, product));
            call("POST", "/consents", """
                    {"subjectId":"patient-7","recipientId":"%s","purpose":"healthcare","action":"given","method":"operator-on-behalf"}"""
                    .formatted(clinic));
            hub.stop();
        } finally {
            hub.close();
        }
        String key = HubProcess.run("audit", "key", "--data-dir", data.toString()).out().strip();
        Path out = dir.resolve("evidence-2026");
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String to = Instant.now().plus(Duration.ofDays(1)).toString();

        CommandResult export = HubProcess.run("evidence", "export", "--from", from, "--to", to, "--out", out.toString(),
                "--contact", "dpo@example.org", "--data-dir", data.toString());

        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(export.out()).contains("agreements in force: 1", "consents in force:   1", "checkpoint:");
        assertThat(files(out)).containsExactlyInAnyOrder("manifest.json", "README.md", "record-of-processing.json",
                "agreements.json", "consents.json", "approvals.json", "incidents.json", "checkpoints.json",
                "entries.jsonl");
        assertThat(files(dir)).as("no partial bundle is left beside it").noneMatch(name -> name.contains("partial"));

        JsonNode manifest = read(out.resolve("manifest.json"));
        assertThat(manifest.at("/ledger/verifierKey").asText()).isEqualTo(key);
        int hashed = 0;
        for (Map.Entry<String, JsonNode> hash : manifest.get("sha256").properties()) {
            assertThat(sha256(out.resolve(hash.getKey()))).as(hash.getKey()).isEqualTo(hash.getValue().asText());
            hashed++;
        }
        assertThat(hashed).isEqualTo(8);

        List<String> lines = Files.readAllLines(out.resolve("entries.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(manifest.at("/counts/entries").asInt()).hasSizeGreaterThan(5);
        long treeSize = manifest.at("/ledger/treeSize").asLong();
        for (String line : List.of(lines.get(0), lines.get(lines.size() / 2), lines.get(lines.size() - 1))) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.at("/proof/treeSize").asLong()).isEqualTo(treeSize);
            assertThat(entry.at("/proof/leafIndex").asLong()).isEqualTo(entry.get("index").asLong());
            Path proof = Files.writeString(dir.resolve("proof-" + entry.get("index").asLong() + ".json"),
                    entry.get("proof").toString());
            CommandResult verified = HubProcess.run("audit", "verify", "--proof", proof.toString(), "--key", key);
            assertThat(verified.exit()).as(verified.toString()).isZero();
            assertThat(verified.out()).startsWith("VALID");
        }
        assertThat(lines).anySatisfy(line -> assertThat(JSON.readTree(line).at("/details/subjectId").asText())
                .startsWith("sealed:v1:"));
        for (String file : files(out)) {
            assertThat(Files.readString(out.resolve(file))).as(file + " names no subject in clear").doesNotContain("patient-7");
        }

        JsonNode record = read(out.resolve("record-of-processing.json"));
        assertThat(record.at("/controller/contactPoint").asText()).isEqualTo("dpo@example.org");
        assertThat(record.get("recipients")).anySatisfy(r -> {
            assertThat(r.get("name").asText()).isEqualTo("City Clinic");
            assertThat(r.get("role").asText()).isEqualTo("partner");
        });
        assertThat(texts(record.get("personalDataCategories"))).containsExactly("health");
        assertThat(texts(record.get("otherDataCategories"))).containsExactly("technical");
        assertThat(texts(record.get("dataSubjectCategories"))).singleElement().asString().contains("Glucose One");
        assertThat(record.at("/erasureTimeLimits/0/retentionDays").asInt()).isEqualTo(90);

        assertThat(read(out.resolve("agreements.json")).get("inForce")).hasSize(1);
        assertThat(read(out.resolve("agreements.json")).get("changesInPeriod")).isNotEmpty();
        assertThat(read(out.resolve("consents.json")).at("/inForce/0/subject").asText()).startsWith("sealed:v1:");
        assertThat(read(out.resolve("approvals.json")).at("/products/0/approvalEntriesInPeriod")).isNotEmpty();
        assertThat(read(out.resolve("checkpoints.json")).at("/proofsAgainst/treeSize").asLong()).isEqualTo(treeSize);
        assertThat(read(out.resolve("incidents.json")).get("incidents")).isEmpty();
    }

    @Test
    void badInput_exitsWith2_andWritesNothing() throws Exception {
        Path out = dir.resolve("bundle");
        String[] common = {"--out", out.toString(), "--data-dir", data.toString()};

        CommandResult backwards = export("2026-12-31", "2026-01-01T00:00:00Z", common);
        assertThat(backwards.exit()).as(backwards.toString()).isEqualTo(2);
        assertThat(backwards.err()).contains("before");

        CommandResult unparsable = export("last tuesday", "2026-01-01", common);
        assertThat(unparsable.exit()).as(unparsable.toString()).isEqualTo(2);
        assertThat(unparsable.err()).contains("--from", "neither an ISO instant");
        assertThat(out).doesNotExist();
        assertThat(data).as("the database was not even opened").doesNotExist();

        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        CommandResult occupied = export("2026-01-01", "2026-12-31T00:00:00Z", common);
        assertThat(occupied.exit()).as(occupied.toString()).isEqualTo(2);
        assertThat(occupied.err()).contains("not empty");
        assertThat(files(out)).containsExactly("keep.txt");
    }

    private static CommandResult export(String from, String to, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("evidence", "export", "--from", from, "--to", to));
        args.addAll(List.of(more));
        return HubProcess.run(args.toArray(String[]::new));
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

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
