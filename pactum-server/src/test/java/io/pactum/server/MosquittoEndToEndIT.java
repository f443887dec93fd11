package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.sdk.HubCommand;
import io.pactum.sdk.HubCommandReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged hub with Debian's real MQTT clients, as a newcomer uses it: a device registered
 * through the API publishes with mosquitto_pub, receives a signed command with mosquitto_sub,
 * and answers it; the API shows the command answered.
 */
class MosquittoEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void deviceRegisteredThroughTheApi_publishes_andAnswersASignedCommand_withMosquittoClients() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/mosquitto_pub"))
                && Files.isExecutable(Path.of("/usr/bin/mosquitto_sub"));
        if (System.getenv("CI") != null) {
            assertThat(installed).as("CI installs mosquitto-clients (.ci/run)").isTrue();
        }
        assumeTrue(installed, "mosquitto-clients not installed");

        try (HubProcess hub = HubProcess.serve(dir.resolve("data"), dir.resolve("stderr.log"))) {
            String base = "http://127.0.0.1:" + hub.port() + "/api/v1";
            String admin = hub.token().orElseThrow();
            String supplier = call("POST", base + "/organisations", admin,
                    "{\"name\":\"Acme\",\"role\":\"supplier\"}").get("id").asText();
            String product = call("POST", base + "/products", admin, """
                    {"supplierId":"%s","model":"Thermo","firmwareVersion":"1.0","payloadFormat":"json",
                     "ingestPolicy":{"protectionRequired":false},
                     "dataModel":{"fields":[{"name":"temperature","type":"number","unit":"Cel","min":-40,"max":85,
                     "category":"technical"}]}}""".formatted(supplier)).get("id").asText();
            call("PUT", base + "/products/" + product + "/approval", admin, "{\"state\":\"approved\"}");
            String secret = call("POST", base + "/devices", admin,
                    "{\"productId\":\"" + product + "\",\"id\":\"thermo-1\"}").get("secret").asText();
            List<String> login = List.of("-h", "127.0.0.1", "-p", String.valueOf(hub.mqttPort()), "-V", "mqttv5",
                    "-i", "thermo-1", "-u", "thermo-1", "-P", secret);

            Process publish = mosquitto("mosquitto_pub", login, "-t", "devices/thermo-1/telemetry", "-q", "1",
                    "-m", "{\"temperature\": 21.5}");
            assertThat(publish.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(publish.exitValue()).as(output(publish)).isZero();
            JsonNode records = call("GET", base + "/devices/thermo-1/records", admin, null);
            assertThat(records.at("/items/0/fields/0/value").asDouble()).isEqualTo(21.5);
            assertThat(records.at("/items/0/provenance/adapter").asText()).isEqualTo("mqtt");

            Process subscribe = mosquitto("mosquitto_sub", login, "-t", "devices/thermo-1/commands", "-q", "1",
                    "-C", "1", "-F", "%x");
            JsonNode command = null;
            for (int attempt = 0; attempt < 50 && (command == null || !command.get("state").asText().equals("delivered"));
                    attempt++) {
                Thread.sleep(200);
                command = call("POST", base + "/devices/thermo-1/commands", admin,
                        "{\"name\":\"set-point\",\"parameters\":{\"celsius\":19}}");
            }
            assertThat(command.get("state").asText()).isEqualTo("delivered");
            assertThat(subscribe.waitFor(30, TimeUnit.SECONDS)).isTrue();
            byte[] received = HexFormat.of().parseHex(output(subscribe).strip());

            JsonNode key = call("GET", base + "/hub/key", admin, null);
            PublicKey hubKey = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
            HubCommand verified = new HubCommandReceiver(hubKey, 0).accept(received);
            assertThat(verified.id()).isEqualTo(command.get("id").asText());
            assertThat(verified.parameters().get("celsius").asInt()).isEqualTo(19);

            Process answer = mosquitto("mosquitto_pub", login, "-t", verified.responseTopic("thermo-1"), "-q", "1",
                    "-m", "{\"ok\":true}");
            assertThat(answer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(answer.exitValue()).as(output(answer)).isZero();
            JsonNode answered = call("GET", base + "/devices/thermo-1/commands/" + verified.id(), admin, null);
            assertThat(answered.get("state").asText()).isEqualTo("responded");
            assertThat(answered.get("response").asText()).isEqualTo("{\"ok\":true}");
        }
    }

    private static Process mosquitto(String program, List<String> login, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(login);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
