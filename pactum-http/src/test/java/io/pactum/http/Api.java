package io.pactum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A plain HTTP client for the API: the JDK's, so the tests share no code with the server. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    record Reply(int status, HttpHeaders headers, String raw, JsonNode json) {
        String text(String pointer) {
            return json.at(pointer).asText();
        }

        /** The problem document's {@code field}, or null when it has none. */
        @Nullable String field() {
            return json.has("field") ? json.get("field").asText() : null;
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    /** Opens a stream of Server-Sent Events; {@code lastEventId} as a reconnecting EventSource sends it. */
    EventStream stream(String path, @Nullable String token, @Nullable String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, @Nullable String token) {
        return send("GET", path, token, null, null);
    }

    Reply post(String path, @Nullable String token, String body) {
        return send("POST", path, token, body, "application/json");
    }

    Reply put(String path, @Nullable String token, String body) {
        return send("PUT", path, token, body, "application/json");
    }

    Reply patch(String path, @Nullable String token, String body) {
        return send("PATCH", path, token, body, "application/json");
    }

    Reply delete(String path, @Nullable String token) {
        return send("DELETE", path, token, null, null);
    }

    Reply send(String method, String path, @Nullable String token, @Nullable String body, @Nullable String contentType) {
        return send(method, path, token, body, contentType, Map.of());
    }

    /** With further request headers, e.g. {@code If-Match}. */
    Reply send(String method, String path, @Nullable String token, @Nullable String body, @Nullable String contentType,
            Map<String, String> headers) {
        return exchange(method, path, token == null ? null : "Bearer " + token,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                contentType, headers);
    }

    /** A body of unknown length, so it travels chunked, without Content-Length. */
    Reply sendChunked(String method, String path, @Nullable String token, byte[] body, String contentType) {
        return exchange(method, path, token == null ? null : "Bearer " + token,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), contentType);
    }

    Reply exchange(String method, String path, @Nullable String authorization, HttpRequest.BodyPublisher body,
            @Nullable String contentType) {
        return exchange(method, path, authorization, body, contentType, Map.of());
    }

    Reply exchange(String method, String path, @Nullable String authorization, HttpRequest.BodyPublisher body,
            @Nullable String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String raw;
            try (InputStream in = response.body()) {
                // A stream of events never ends: only its status and headers are read, then it is closed.
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                raw = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode json = raw.isEmpty() ? MissingNode.getInstance() : JSON.readTree(raw);
            return new Reply(response.statusCode(), response.headers(), raw, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
