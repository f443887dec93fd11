package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged hub as a user starts it: first start, restart, kill -9, bad configuration, a second instance. */
class ServeIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void firstStart_printsAdminTokenOnce_andServesHealthAndApi() throws Exception {
        Path data = dir.resolve("data");
        String token;
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            assertThat(hub.token()).as("first start prints the operator token").isPresent();
            token = hub.token().orElseThrow();
            assertThat(hub.stdout()).anyMatch(l -> l.contains("http://127.0.0.1:" + hub.port() + "/api/v1"));
            assertThat(get(hub.port(), "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(hub.port(), "/ready", null).statusCode()).isEqualTo(200);
            assertThat(get(hub.port(), "/api/v1/me", null).statusCode()).isEqualTo(401);
            HttpResponse<String> me = get(hub.port(), "/api/v1/me", token);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("operator");
            assertThat(hub.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }
        assertThat(Files.readString(dir.resolve("stderr-1.log"))).doesNotContain(token);

        try (HubProcess again = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            assertThat(again.token()).as("the token is shown only on first start").isEmpty();
            assertThat(get(again.port(), "/api/v1/me", token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void killedHub_keepsEverythingItAcknowledged() throws Exception {
        Path data = dir.resolve("data");
        String token;
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            token = hub.token().orElseThrow();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> created = post(hub.port(), "/api/v1/organisations", token,
                        "{\"name\":\"Supplier " + i + "\",\"role\":\"supplier\"}");
                assertThat(created.statusCode()).isEqualTo(201);
            }
            hub.kill();
        }
        try (HubProcess again = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            String list = get(again.port(), "/api/v1/organisations", token).body();
            for (int i = 0; i < 20; i++) {
                assertThat(list).contains("\"Supplier " + i + "\"");
            }
        }
    }

    @Test
    void invalidConfiguration_stopsStartWithMessageNamingTheKey() throws Exception {
        Process process = HubProcess.command("serve", "--data-dir", dir.toString(), "--http-port", "70000")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("pactum.http.port", "70000", "expected an integer from 0 to 65535");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void secondInstanceOnSameDataDir_isRefusedClearly() throws Exception {
        Path data = dir.resolve("data");
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            Process second = HubProcess.command("serve", "--data-dir", data.toString(), "--http-port", "0",
                    "--mqtt-port", "0")
                    .redirectErrorStream(true).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second instance exits").isTrue();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(second.exitValue()).isNotZero();
            assertThat(output).containsIgnoringCase("pactum:").doesNotContain("Press Ctrl-C");
            assertThat(get(hub.port(), "/health", null).statusCode()).as("first instance unharmed").isEqualTo(200);
        }
    }

    @Test
    void configReference_listsEveryKey() throws Exception {
        Process process = HubProcess.command("config", "reference").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(output).contains("pactum.http.port", "PACTUM_DB_URL", "pactum.http.max-body-bytes");
    }

    private HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
