package io.pactum.http.webhook;

import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.Webhook;
import io.pactum.core.delivery.WebhookPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one delivery attempt: checks the endpoint against the {@link WebhookPolicy}, resolves and
 * checks its address ({@link AddressGuard}), and POSTs the event, signed, to that very address with
 * the URL's host name kept for the {@code Host} header, TLS server name and certificate check.
 * Redirects are not followed. The response body is read and thrown away, never looked at; at most
 * {@link #MAX_RESPONSE_BYTES} of it are read before the exchange is cut. Runs on the dispatcher's
 * context; every attempt ends within the request timeout.
 */
final class WebhookSender {
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    private static final String USER_AGENT = "Pactum-Webhook/1";

    private final Vertx vertx;
    private final Context context;
    private final HttpClient client;
    private final WebhookPolicy policy;
    private final AddressGuard guard;
    private final Clock clock;
    private final long timeoutMillis;

    WebhookSender(Vertx vertx, Context context, WebhookPolicy policy, Clock clock, Duration requestTimeout) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.context = Objects.requireNonNull(context, "context");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.guard = new AddressGuard(policy);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeoutMillis = requestTimeout.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setDecompressionSupported(false));
    }

    /** Posts the delivery once; the future always succeeds, with what the attempt came to. */
    Future<AttemptOutcome> send(Webhook webhook, byte[] key, Delivery delivery) {
        URI uri;
        try {
            uri = policy.check(webhook.url());
        } catch (RuntimeException e) {
            SECURITY.warn("Webhook {} not called: its URL is no longer allowed by the webhook policy", webhook.id());
            return Future.succeededFuture(new AttemptOutcome.Failed("URL refused by webhook policy"));
        }
        Exchange exchange = new Exchange();
        String host = bare(uri.getHost());
        guard.resolve(context, host).onComplete(resolved -> {
            if (exchange.done) {
                return;
            }
            if (resolved.failed()) {
                Throwable cause = resolved.cause();
                if (cause instanceof AddressGuard.AddressRefusedException) {
                    SECURITY.warn("Webhook {} not called: host {} resolves to an address the webhook policy "
                            + "does not allow", webhook.id(), host);
                }
                exchange.finish(AttemptOutcome.ofError(cause));
                return;
            }
            post(exchange, uri, host, resolved.result(), key, delivery);
        });
        return exchange.promise.future();
    }

    Future<Void> close() {
        return client.close();
    }

    private void post(Exchange exchange, URI uri, String host, InetAddress address, byte[] key, Delivery delivery) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String body = delivery.json();
        long timestamp = clock.instant().getEpochSecond();
        InetAddress literal;
        try {
            literal = InetAddress.getByAddress(address.getAddress()); // no host name: nothing left to resolve
        } catch (UnknownHostException e) {
            exchange.finish(AttemptOutcome.ofError(e));
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(literal, port)))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(pathAndQuery(uri))
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMillis) // the whole exchange is bounded by Exchange's timer
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
                .putHeader(WebhookSignature.EVENT_ID_HEADER, Long.toString(delivery.eventId()))
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, body));
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                exchange.finish(AttemptOutcome.ofError(requested.cause()));
                return;
            }
            HttpClientRequest request = requested.result();
            exchange.request = request;
            if (exchange.done) {
                request.reset();
                return;
            }
            request.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    exchange.finish(AttemptOutcome.ofError(answered.cause()));
                } else {
                    discardBody(exchange, answered.result());
                }
            });
        });
    }

    /** Takes the status, then reads the body to its end (so the connection can be reused) without keeping it. */
    private void discardBody(Exchange exchange, HttpClientResponse response) {
        exchange.outcome = AttemptOutcome.ofStatus(response.statusCode(),
                response.getHeader(HttpHeaders.RETRY_AFTER), clock.instant());
        long[] received = {0};
        response.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > MAX_RESPONSE_BYTES) {
                exchange.finishWithStatus();
            }
        });
        response.exceptionHandler(e -> exchange.finishWithStatus());
        response.endHandler(v -> {
            exchange.ended = true;
            exchange.finishWithStatus();
        });
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** One attempt in flight: ends once, by its outcome or by the request timeout. */
    private final class Exchange {
        final Promise<AttemptOutcome> promise = Promise.promise();
        final long timer;
        boolean done;
        boolean ended;
        @Nullable HttpClientRequest request;
        @Nullable AttemptOutcome outcome;

        Exchange() {
            timer = vertx.setTimer(timeoutMillis,
                    id -> finish(outcome != null ? outcome : new AttemptOutcome.Retry("Timeout", null)));
        }

        void finishWithStatus() {
            finish(Objects.requireNonNull(outcome, "outcome"));
        }

        void finish(AttemptOutcome result) {
            if (done) {
                return;
            }
            done = true;
            vertx.cancelTimer(timer);
            if (!ended && request != null) {
                request.reset(); // frees or closes the connection of an exchange cut short
            }
            promise.complete(result);
        }
    }
}
