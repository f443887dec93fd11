package io.pactum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint on loopback: verifies each delivery's signature as docs/webhooks.md
 * tells partners to (HMAC-SHA256 over timestamp "." body, keyed with the secret's UTF-8 bytes), keeps
 * the verified events, and can be told to fail with a status for a while.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final ReceivedEvents events = new ReceivedEvents();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile int failWith;
    private volatile byte[] key = new byte[0];
    private HttpServer server;

    static WebhookReceiver start() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.server = receiver.vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            int status = receiver.failWith;
            if (status != 0) {
                receiver.failures.incrementAndGet();
                request.response().setStatusCode(status).end();
                return;
            }
            if (!receiver.verified(request.getHeader("Pactum-Timestamp"), body.toString(StandardCharsets.UTF_8),
                    request.getHeader("Pactum-Signature"))) {
                receiver.badSignatures.incrementAndGet();
                request.response().setStatusCode(401).end();
                return;
            }
            try {
                JsonNode event = JSON.readTree(body.getBytes());
                receiver.events.add(event);
                request.response().setStatusCode(204).end();
            } catch (java.io.IOException e) {
                request.response().setStatusCode(400).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return receiver;
    }

    private boolean verified(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || !signature.startsWith("v1=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(3)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks/pactum";
    }

    void useSecret(String secret) {
        key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Answers every request with this status from now on; 0 to accept again. */
    void failWith(int status) {
        failWith = status;
    }

    int failures() {
        return failures.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    List<JsonNode> events() {
        return events.all();
    }

    int distinctCount() {
        return events.distinctCount();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
