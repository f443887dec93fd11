package io.pactum.http.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A partner's webhook endpoint on a real HTTP server: records every request, checks its signature
 * the way docs/webhooks.md tells receivers to (its own code, not the hub's), and answers as the
 * test says. Counts TCP connections, so a test can show the hub never connected.
 */
final class PartnerEndpoint implements AutoCloseable {
    /** What to answer: a status (0: never answer), with an optional Retry-After. */
    record Reply(int status, @Nullable String retryAfter) {
        static Reply of(int status) {
            return new Reply(status, null);
        }
    }

    /**
     * Decides the reply to the {@code nth} request (from 1) carrying this event id, the
     * {@code ordinal}-th distinct event (from 1) this endpoint has seen.
     */
    @FunctionalInterface
    interface Responder {
        Reply reply(long eventId, int nth, int ordinal);
    }

    /** One request as received. */
    record Received(long eventId, String timestamp, String signature, String body, @Nullable String contentType,
            @Nullable String host, String path, boolean signatureValid, int status) {}

    final AtomicInteger connections = new AtomicInteger();
    private final HttpServer server;
    private final String host;
    private volatile byte[] key = new byte[0];
    private volatile Responder responder = (eventId, nth, ordinal) -> Reply.of(200);
    private final List<Received> received = new ArrayList<>();

    private PartnerEndpoint(Vertx vertx, String host) {
        this.host = host;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(0))
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> request.body().onSuccess(buffer -> {
                    String body = buffer.toString(StandardCharsets.UTF_8);
                    String eventHeader = request.getHeader("Pactum-Event-Id");
                    long eventId = eventHeader == null ? -1 : Long.parseLong(eventHeader);
                    String timestamp = String.valueOf(request.getHeader("Pactum-Timestamp"));
                    String signature = String.valueOf(request.getHeader("Pactum-Signature"));
                    Reply reply;
                    synchronized (received) {
                        int nth = (int) received.stream().filter(r -> r.eventId() == eventId).count() + 1;
                        long earlier = received.stream().mapToLong(Received::eventId).distinct().count();
                        int ordinal = (int) (nth == 1 ? earlier + 1 : received.stream().mapToLong(Received::eventId)
                                .distinct().takeWhile(id -> id != eventId).count() + 1);
                        reply = responder.reply(eventId, nth, ordinal);
                        received.add(new Received(eventId, timestamp, signature, body,
                                request.getHeader("Content-Type"), request.getHeader("Host"), request.uri(),
                                verify(key, timestamp, body, signature), reply.status()));
                    }
                    if (reply.status() == 0) {
                        return; // hold the request: the hub's timeout must end it
                    }
                    if (reply.retryAfter() != null) {
                        request.response().putHeader("Retry-After", reply.retryAfter());
                    }
                    request.response().setStatusCode(reply.status()).end("{\"note\":\"receiver body, never logged\"}");
                }));
        Await.result(server.listen());
    }

    static PartnerEndpoint start(Vertx vertx) {
        return new PartnerEndpoint(vertx, "127.0.0.1");
    }

    static PartnerEndpoint start(Vertx vertx, String host) {
        return new PartnerEndpoint(vertx, host);
    }

    /** The signing secret as the hub showed it once at registration. */
    void secret(String secret) {
        key = secret.getBytes(StandardCharsets.UTF_8);
    }

    void respond(Responder next) {
        responder = next;
    }

    int port() {
        return server.actualPort();
    }

    String url() {
        return "http://" + host + ":" + port() + "/hooks/pactum?source=hub";
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Event ids answered with 2xx, in the order they arrived. */
    List<Long> accepted() {
        List<Long> ids = new ArrayList<>();
        for (Received r : received()) {
            if (r.status() >= 200 && r.status() < 300) {
                ids.add(r.eventId());
            }
        }
        return ids;
    }

    /** The receiver's check from docs/webhooks.md: HMAC-SHA256 over "timestamp.body", compared in constant time. */
    static boolean verify(byte[] secret, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            String hex = "v1=" + HexFormat.of().formatHex(expected);
            return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                    header.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Await.result(server.close());
    }
}
