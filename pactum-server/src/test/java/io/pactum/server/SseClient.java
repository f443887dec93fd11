package io.pactum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** A Server-Sent Events client over the JDK's HTTP client, keeping the JSON of every {@code data:} line. */
final class SseClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReceivedEvents events = new ReceivedEvents();
    private volatile CompletableFuture<HttpResponse<Stream<String>>> response;

    private SseClient() {}

    static SseClient open(HttpClient http, String url, String token) {
        SseClient client = new SseClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        client.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        client.response.thenAccept(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the stream answered " + r.statusCode());
            }
            r.body().filter(line -> line.startsWith("data:")).forEach(client::add);
        });
        return client;
    }

    private void add(String line) {
        try {
            JsonNode event = JSON.readTree(line.substring("data:".length()).strip());
            events.add(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> events() {
        return events.all();
    }

    int distinctCount() {
        return events.distinctCount();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
