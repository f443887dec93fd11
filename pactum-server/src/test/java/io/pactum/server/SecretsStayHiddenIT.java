package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issues #2 and #4, "Secrets": after a session that creates tokens, devices and a webhook, no token,
 * device secret, MAC key or webhook secret appears in any log line, in any later API response, or in
 * plain form in the database.
 */
class SecretsStayHiddenIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> responses = new ArrayList<>();
    private Hub hub;

    @BeforeEach
    void startHubCapturingEveryLogLine() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.ALL);
        logs.start();
        root.addAppender(logs);
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.resolve("data").toString(),
                "pactum.http.port", "0",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "0",
                "pactum.security.secret-hash-iterations", "10000"));
        hub = Hub.start(config);
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @Test
    void tokensSecretsAndKeys_appearOnlyInTheResponseThatCreatesThem() throws Exception {
        String admin = hub.firstAdminToken().orElseThrow().token();
        List<String> secrets = new ArrayList<>(List.of(admin));

        String supplierId = call("POST", "/api/v1/organisations", admin,
                "{\"name\":\"Acme Sensors\",\"role\":\"supplier\"}").get("id").asText();
        String supplierToken = call("POST", "/api/v1/organisations/" + supplierId + "/clients", admin,
                "{\"name\":\"provisioning\",\"scopes\":[\"read\",\"write\",\"admin\"]}").get("token").asText();
        secrets.add(supplierToken);
        String productId = call("POST", "/api/v1/products", supplierToken, """
                {"model":"Glucose One","firmwareVersion":"1.0.0","payloadFormat":"senml_cbor",
                 "dataModel":{"fields":[{"name":"glucose","type":"number","unit":"mmol/L","min":0,"max":40,
                 "category":"health"}]}}""").get("id").asText();
        call("PUT", "/api/v1/products/" + productId + "/approval", admin, "{\"state\":\"approved\"}");
        JsonNode generated = call("POST", "/api/v1/devices", supplierToken,
                "{\"productId\":\"" + productId + "\",\"id\":\"glucose-0001\"}");
        String chosenSecret = "correct-horse-battery-staple-42";
        JsonNode chosen = call("POST", "/api/v1/devices", supplierToken,
                "{\"productId\":\"" + productId + "\",\"id\":\"glucose-0002\",\"secret\":\"" + chosenSecret + "\"}");
        secrets.addAll(List.of(generated.get("secret").asText(), generated.get("macKey").asText(),
                chosenSecret, chosen.get("macKey").asText()));
        String partnerId = call("POST", "/api/v1/organisations", admin,
                "{\"name\":\"City Clinic\",\"role\":\"partner\"}").get("id").asText();
        String partnerToken = call("POST", "/api/v1/organisations/" + partnerId + "/clients", admin,
                "{\"name\":\"receiver\",\"scopes\":[\"read\",\"write\"]}").get("token").asText();
        secrets.add(partnerToken);
        JsonNode webhook = call("POST", "/api/v1/webhooks", partnerToken, "{\"url\":\"https://clinic.example/hooks/pactum\"}");
        secrets.add(webhook.get("secret").asText());
        String failedToken = supplierToken.substring(0, supplierToken.length() - 4) + "AAAA";
        assertThat(send("GET", "/api/v1/me", failedToken, null).statusCode()).isEqualTo(401);
        secrets.add(failedToken);

        responses.clear();
        for (String path : List.of("/api/v1/devices", "/api/v1/devices/glucose-0001", "/api/v1/products",
                "/api/v1/organisations/" + supplierId + "/clients", "/api/v1/me")) {
            call("GET", path, admin, null);
            call("GET", path, supplierToken, null);
        }
        call("GET", "/api/v1/webhooks", partnerToken, null);
        call("GET", "/api/v1/webhooks/" + webhook.at("/webhook/id").asText(), partnerToken, null);
        hub.close();
        hub = null;

        List<String> logLines = logs.list.stream()
                .flatMap(e -> Stream.concat(Stream.of(e.getFormattedMessage()),
                        e.getThrowableProxy() == null ? Stream.empty() : Stream.of(e.getThrowableProxy().getMessage())))
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(logLines).as("something was logged at all").isNotEmpty();
        for (String secret : secrets) {
            assertThat(logLines).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(responses).as("later API responses").noneMatch(body -> body.contains(secret));
        }
        assertDatabaseHoldsNoPlainSecret(secrets, List.of(generated.get("macKey").asText(), chosen.get("macKey").asText()));
    }

    /** Reads every cell of every table and looks for each secret as text, and each MAC key as raw bytes. */
    private void assertDatabaseHoldsNoPlainSecret(List<String> secrets, List<String> macKeys) throws SQLException {
        List<String> cells = new ArrayList<>();
        List<byte[]> binaryCells = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(JdbcDatabase.h2FileUrl(dir.resolve("data")));
                ResultSet tables = db.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                if (schema != null && schema.equalsIgnoreCase("information_schema")) {
                    continue;
                }
                String table = tables.getString("TABLE_NAME");
                try (Statement select = db.createStatement();
                        ResultSet rows = select.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
                    while (rows.next()) {
                        for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                            Object cell = rows.getObject(c);
                            if (cell instanceof byte[] bytes) {
                                binaryCells.add(bytes);
                                cells.add(new String(bytes, StandardCharsets.ISO_8859_1));
                            } else if (cell != null) {
                                cells.add(cell.toString());
                            }
                        }
                    }
                }
            }
        }
        assertThat(binaryCells).as("the database was read").isNotEmpty();
        for (String secret : secrets) {
            assertThat(cells).as("database cells").noneMatch(cell -> cell.contains(secret));
        }
        for (String macKey : macKeys) {
            String raw = new String(Base64.getUrlDecoder().decode(macKey), StandardCharsets.ISO_8859_1);
            String hex = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(macKey));
            assertThat(cells).as("stored MAC key is not the plaintext")
                    .noneMatch(cell -> cell.contains(raw) || cell.toLowerCase().contains(hex));
        }
    }

    private JsonNode call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, token, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        responses.add(response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static {
        // Keep the captured log small and deterministic: nothing here needs Netty's debug output.
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.netty").setLevel(ch.qos.logback.classic.Level.INFO);
    }
}
