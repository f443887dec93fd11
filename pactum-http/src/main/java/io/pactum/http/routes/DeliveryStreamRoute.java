package io.pactum.http.routes;

import io.pactum.core.access.AccessPolicy;
import io.pactum.core.access.Authenticator;
import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.OutboxListener;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.Replies;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's deliveries as Server-Sent Events ({@code text/event-stream}), one event per delivery:
 * <pre>
 * id: 42
 * event: record
 * data: {"eventId":42,...}
 * </pre>
 * The stream starts after the {@code Last-Event-ID} header (what a reconnecting {@code EventSource}
 * sends), else after {@code ?after=}, else at the newest entry with {@code ?from=latest}, else at the
 * beginning of what is kept. Delivery is at least once; the event id is the de-duplication key.
 *
 * <p>Each connection reads its outbox in batches off the event loop and then waits: for the
 * outbox's wake-up when the recipient's outbox grows, or for the heartbeat (a comment line every
 * {@link #DEFAULT_HEARTBEAT}), which also reads once more (entries committed by another hub node
 * wake no listener here) and authenticates the token again, so that a revoked or expired token ends
 * the stream. While the response's write queue is full, reading stops until it drains, so a client
 * that reads slowly holds back its own stream instead of filling the hub's memory. When the
 * entries read were all withheld (agreement no longer in force, consent withdrawn), the position
 * still moves past them, and a bare {@code id:} line tells the client, so a reconnect does not read
 * them again.
 */
public final class DeliveryStreamRoute {
    static final String PATH = DeliveryRoutes.PATH + "/stream";
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final String MEDIA_TYPE = "text/event-stream";
    /** The outbox channel name of this stream, as audit entries of withheld deliveries show it. */
    static final String CHANNEL = "sse";
    static final int BATCH = 100;
    /**
     * Events go out in writes of about this many characters. Vert.x counts its write queue in
     * writes (it is full at 16 waiting beyond the socket's 64 KiB), so small writes keep what a slow
     * client makes the hub hold small, while still sending several events per write.
     */
    static final int WRITE_CHARS = 4096;
    /** How long a client's EventSource waits before reconnecting. */
    static final int RETRY_MILLIS = 5_000;
    private static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStreamRoute.class);
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final DeliveryService deliveries;
    private final Authenticator authenticator;
    private final long heartbeatMillis;

    public DeliveryStreamRoute(DeliveryService deliveries, Authenticator authenticator) {
        this(deliveries, authenticator, DEFAULT_HEARTBEAT);
    }

    public DeliveryStreamRoute(DeliveryService deliveries, Authenticator authenticator, Duration heartbeat) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive");
        }
        this.heartbeatMillis = heartbeat.toMillis();
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::open);
    }

    private void open(RoutingContext ctx) {
        Replies.nameRoute(ctx);
        Principal caller = AuthHandler.principal(ctx);
        String recipientId;
        Start start;
        try {
            recipientId = AccessPolicy.requireRecipient(caller, Scope.READ, "read deliveries");
            start = Start.of(ctx);
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
        String token = AuthHandler.token(ctx);
        Outbox outbox = deliveries.outbox();
        ctx.vertx().executeBlocking(() -> start.latest() ? outbox.store().latestEventId(recipientId) : start.after(), false)
                .onSuccess(cursor -> new Connection(ctx, caller, token, recipientId, cursor).begin())
                .onFailure(ctx::fail);
    }

    /** Where a stream starts: after an event id, or after the newest entry. */
    private record Start(long after, boolean latest) {
        static Start of(RoutingContext ctx) {
            String lastEventId = ctx.request().getHeader(LAST_EVENT_ID);
            if (lastEventId != null && !lastEventId.isBlank()) {
                // A reconnect resumes where it was, whatever the URL it was first opened with says.
                return new Start(Queries.eventId(LAST_EVENT_ID, lastEventId), false);
            }
            String after = ctx.queryParams().get("after");
            String from = ctx.queryParams().get("from");
            if (from != null) {
                String normal = from.strip().toLowerCase(Locale.ROOT);
                if (!normal.equals("latest") && !normal.equals("earliest")) {
                    throw new InvalidInputException("from", "from must be latest or earliest");
                }
                if (after != null) {
                    throw new InvalidInputException("from", "give after or from, not both");
                }
                return new Start(0, normal.equals("latest"));
            }
            return new Start(after == null ? 0 : Queries.eventId("after", after), false);
        }
    }

    /** One open stream; every method but {@link #appended} runs on the connection's event loop. */
    private final class Connection implements OutboxListener {
        private final Vertx vertx;
        private final Context context;
        private final HttpServerResponse response;
        private final String clientId;
        private final String token;
        private final String recipientId;
        private long cursor;
        private boolean reading;
        private boolean wanted;
        private boolean closed;
        private long heartbeatTimer = -1;

        Connection(RoutingContext ctx, Principal caller, String token, String recipientId, long cursor) {
            this.vertx = ctx.vertx();
            this.context = vertx.getOrCreateContext();
            this.response = ctx.response();
            this.clientId = caller.clientId();
            this.token = token;
            this.recipientId = recipientId;
            this.cursor = cursor;
        }

        void begin() {
            if (response.closed()) {
                return;
            }
            response.setStatusCode(200)
                    .setChunked(true)
                    .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE + "; charset=utf-8")
                    // Reverse proxies such as nginx would otherwise buffer the stream.
                    .putHeader("X-Accel-Buffering", "no");
            response.closeHandler(v -> close());
            response.exceptionHandler(e -> close());
            // The first id: line sets the client's last event id before any event, so a reconnect resumes here.
            response.write(": pactum deliveries\nretry: " + RETRY_MILLIS + "\nid: " + cursor + "\n\n");
            deliveries.outbox().addListener(this);
            heartbeatTimer = vertx.setPeriodic(heartbeatMillis, id -> heartbeat());
            LOG.debug("delivery stream opened for {} by client {} after event {}", recipientId, clientId, cursor);
            pump();
        }

        /** Called by the outbox on the committing thread: only hands over to the event loop. */
        @Override
        public void appended(Set<String> recipientIds) {
            if (!closed && recipientIds.contains(recipientId)) {
                context.runOnContext(v -> pump());
            }
        }

        /** Reads and sends until the outbox has nothing new, the write queue is full, or the stream closed. */
        private void pump() {
            if (closed) {
                return;
            }
            wanted = true;
            if (reading) {
                return; // the read under way reads again when it is done
            }
            if (response.writeQueueFull()) {
                response.drainHandler(v -> pump());
                return;
            }
            wanted = false;
            reading = true;
            long from = cursor;
            vertx.executeBlocking(() -> deliveries.outbox().next(recipientId, from, BATCH, CHANNEL), false)
                    .onComplete(read -> {
                        reading = false;
                        if (closed) {
                            return;
                        }
                        if (read.failed()) {
                            LOG.warn("delivery stream for {} ends: reading its outbox failed", recipientId, read.cause());
                            end();
                            return;
                        }
                        send(read.result());
                        if (cursor > from || wanted) {
                            pump(); // there may be more; if the queue is full, pump waits for it to drain
                        }
                    });
        }

        private void send(Outbox.Batch batch) {
            long lastSent = cursor;
            StringBuilder events = new StringBuilder();
            for (Delivery delivery : batch.deliveries()) {
                appendEvent(events, delivery);
                lastSent = delivery.eventId();
                if (events.length() >= WRITE_CHARS) {
                    response.write(events.toString());
                    events.setLength(0);
                }
            }
            if (batch.lastEventId() > lastSent) {
                // Past entries withheld since release: move the client's last event id on too.
                events.append("id: ").append(batch.lastEventId()).append("\n\n");
            }
            cursor = Math.max(cursor, batch.lastEventId());
            if (!events.isEmpty()) {
                response.write(events.toString());
            }
        }

        private void heartbeat() {
            if (closed) {
                return;
            }
            if (!response.writeQueueFull()) {
                response.write(": heartbeat\n\n");
            }
            vertx.executeBlocking(() -> authenticator.authenticate(token), false).onComplete(auth -> {
                if (closed) {
                    return;
                }
                if (auth.failed() || !auth.result().clientId().equals(clientId)) {
                    SECURITY.info("delivery stream of client {} ended: its token is no longer valid", clientId);
                    end();
                    return;
                }
                pump();
            });
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            deliveries.outbox().removeListener(this);
            vertx.cancelTimer(heartbeatTimer);
            LOG.debug("delivery stream closed for {} by client {} at event {}", recipientId, clientId, cursor);
        }

        private void end() {
            close();
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        }
    }

    /** One event; a data line per line of the body, though delivery bodies are single-line JSON. */
    static void appendEvent(StringBuilder out, Delivery delivery) {
        out.append("id: ").append(delivery.eventId()).append("\nevent: record\n");
        for (String line : delivery.json().split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        out.append('\n');
    }
}
