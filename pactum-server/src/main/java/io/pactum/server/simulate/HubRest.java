package io.pactum.server.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The hub's REST API as a client calls it to set a scenario up; fails with the hub's problem document. */
public final class HubRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;
    private final String token;

    public HubRest(LoopbackTarget target, String token) {
        this.base = target.apiBase();
        this.token = Objects.requireNonNull(token, "token");
    }

    public JsonNode post(String path, String json) {
        return call("POST", path, json);
    }

    public JsonNode put(String path, String json) {
        return call("PUT", path, json);
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    /** The API client id inside a bearer token {@code pct_<clientId>_<43 characters>}. */
    public static String clientIdOf(String token) {
        return token.substring("pct_".length(), token.length() - 44);
    }

    private JsonNode call(String method, String path, @Nullable String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
