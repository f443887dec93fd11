package io.pactum.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the administration commands: each is one call of the hub's REST API, made with the
 * caller's token, so the CLI obeys exactly the same authorisation as every other client. The
 * response is printed as JSON; a problem document becomes a one-line error and exit code 1.
 */
abstract class ApiCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of the hub (default: $PACTUM_URL, else http://127.0.0.1:8480).")
    @Nullable String url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token (default: $PACTUM_TOKEN; prefer the variable, since other users can see command lines).")
    @Nullable String token;

    @Spec
    CommandSpec spec;

    /** One API request: method, path below {@code /api/v1}, and body (or null). */
    record Request(String method, String path, @Nullable JsonNode body) {}

    abstract Request request() throws IOException;

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        String base = url != null ? url : env.getOrDefault("PACTUM_URL", "http://127.0.0.1:8480");
        String bearer = token != null ? token : env.get("PACTUM_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            throw new IllegalArgumentException("no token: set PACTUM_TOKEN or pass --token");
        }
        Request request = request();
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request.body()));
        HttpRequest http = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/api/v1" + request.path()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(request.method(), body)
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                    .send(http, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IllegalStateException("cannot reach the hub at " + base + "; is it running? (set --url or PACTUM_URL)");
        }
        return print(response);
    }

    private int print(HttpResponse<String> response) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            PrintWriter err = spec.commandLine().getErr();
            String field = json != null && json.hasNonNull("field") ? " (field: " + json.get("field").asText() + ")" : "";
            String detail = json != null && json.hasNonNull("detail") ? json.get("detail").asText() : response.body();
            err.println("pactum: " + response.statusCode() + " " + detail + field);
            err.flush();
            return 1;
        }
        if (json != null) {
            out.println(JSON.writeValueAsString(json));
        }
        out.flush();
        return 0;
    }
}
