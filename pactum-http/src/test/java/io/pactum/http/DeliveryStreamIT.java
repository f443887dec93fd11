package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.delivery.WebhookPolicy;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.http.routes.DeliveryStreamRoute;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.Json;
import io.pactum.http.support.ProblemHandler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue #4 over the API: deliveries as Server-Sent Events, read by a real HTTP client parsing the
 * stream as an EventSource does. Each delivery is one event whose id is its event id; a reconnect with
 * {@code Last-Event-ID} resumes exactly after it, without repeats or gaps.
 */
class DeliveryStreamIT extends SharingApiTest {
    private static final String STREAM = "/api/v1/deliveries/stream";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();


    /** A partner with an agreement over the thermometers, its token and a device of its scope. */
    private record Recipient(String id, String token, String agreement, ProvisionedDevice device) {}

    private Recipient recipient() {
        String partner = fixture.partner();
        return new Recipient(partner, fixture.token(partner), fixture.temperatureAgreement(partner), fixture.device(null));
    }

    @Test
    void stream_sendsEachDelivery_asARecordEventWhoseIdIsItsEventId_asItArrives() throws Exception {
        Recipient r = recipient();
        try (EventStream stream = api.stream(STREAM, r.token(), null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.headers.firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            assertThat(stream.headers.firstValue("Cache-Control")).hasValue("no-store");

            fixture.send(r.device(), 21.0);
            fixture.send(r.device(), 22.0);

            List<EventStream.Event> events = take(stream, 2);
            assertThat(events).extracting(EventStream.Event::type).containsOnly("record");
            for (EventStream.Event event : events) {
                JsonNode delivery = JSON.readTree(event.data());
                assertThat(event.lastEventId()).isEqualTo(delivery.get("eventId").asText());
                assertThat(delivery.get("agreementId").asText()).isEqualTo(r.agreement());
            }
            assertThat(JSON.readTree(events.get(1).data()).at("/record/fields/0/value").asDouble()).isEqualTo(22.0);
        }
    }

    @Test
    void reconnect_withLastEventId_resumesRightAfterIt_withoutRepeatsOrGaps() throws Exception {
        Recipient r = recipient();
        fixture.send(r.device(), 20.0, 20.5);
        String resumeFrom;
        try (EventStream first = api.stream(STREAM, r.token(), null)) {
            List<EventStream.Event> seen = take(first, 2);
            assertThat(values(seen)).containsExactly(20.0, 20.5);
            resumeFrom = first.lastEventId();
        }
        fixture.send(r.device(), 21.0);
        fixture.send(r.device(), 21.5, 22.0);

        try (EventStream again = api.stream(STREAM, r.token(), resumeFrom)) {
            List<EventStream.Event> resumed = take(again, 3);
            assertThat(values(resumed)).containsExactly(21.0, 21.5, 22.0);
            assertThat(again.next(QUIET)).as("nothing twice").isNull();
        }
        // The query's starting point yields to the header, as when an EventSource reconnects to its first URL.
        try (EventStream again = api.stream(STREAM + "?from=latest", r.token(), resumeFrom)) {
            assertThat(values(take(again, 3))).containsExactly(21.0, 21.5, 22.0);
        }
        try (EventStream fromQuery = api.stream(STREAM + "?after=" + resumeFrom, r.token(), null)) {
            assertThat(values(take(fromQuery, 3))).containsExactly(21.0, 21.5, 22.0);
        }
    }

    @Test
    void fromLatest_skipsWhatIsKept_andSendsOnlyWhatComesAfter() throws Exception {
        Recipient r = recipient();
        fixture.send(r.device(), 18.0);
        try (EventStream stream = api.stream(STREAM + "?from=latest", r.token(), null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.next(QUIET)).isNull();
            fixture.send(r.device(), 19.0);
            assertThat(values(take(stream, 1))).containsExactly(19.0);
        }
    }

    @Test
    void entriesWithheldSinceRelease_areNotSent_butTheLastEventIdMovesPastThem() throws Exception {
        Recipient r = recipient();
        fixture.send(r.device(), 17.0, 17.5);
        long withheldUpTo = api.get("/api/v1/deliveries", r.token()).json().get("lastEventId").asLong();
        fixture.changeAgreement(r.agreement(), "suspend");
        try (EventStream stream = api.stream(STREAM, r.token(), null)) {
            assertThat(stream.next(QUIET)).isNull();
            assertThat(stream.lastEventId()).isEqualTo(Long.toString(withheldUpTo));
        }
        fixture.changeAgreement(r.agreement(), "resume");
    }

    @Test
    void aClientThatDoesNotRead_holdsTheStreamBack_andThenReceivesEverything_inOrder() throws Exception {
        String partner = fixture.partner();
        fixture.agreement(partner, "\"productIds\": [\"" + fixture.thermometer.id() + "\"], "
                + "\"fields\": {\"temperature\": {\"transform\": \"keep\"}}, \"purpose\": \"healthcare\", "
                + "\"legalBasis\": \"contract\", \"rateLimitPerMinute\": 100000");
        ProvisionedDevice device = fixture.device(null);
        int count = 0;
        for (int message = 0; message < 2; message++) {
            double[] temperatures = new double[400];
            for (int i = 0; i < temperatures.length; i++) {
                temperatures[i] = (count++ % 100) / 2.0;
            }
            fixture.send(device, temperatures);
        }
        // The stream reads through an outbox that notes how far it has read.
        List<Long> readFrom = new CopyOnWriteArrayList<>();
        OutboxStore store = hub.database.outbox();
        OutboxStore noting = (OutboxStore) Proxy.newProxyInstance(OutboxStore.class.getClassLoader(),
                new Class<?>[] {OutboxStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("readAfter")) {
                        readFrom.add((Long) args[1]);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DeliveryService deliveries = new DeliveryService(new Outbox(noting, hub.decisions, hub.audit, hub.clock),
                hub.database.webhooks(), hub.secretBox, WebhookPolicy.STRICT, hub.clock);
        HttpServer server = streamServer(deliveries, DeliveryStreamRoute.DEFAULT_HEARTBEAT,
                new HttpServerOptions().setSendBufferSize(4096));
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 5_000);
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("GET " + STREAM + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + fixture.token(partner) + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            Thread.sleep(1_500); // not reading: the server's write queue fills, and it stops reading the outbox
            // Unchecked, the server would have read all of them (count / 100 batches and an empty one) by now.
            assertThat(readFrom.size()).as("batches read while the client was not reading").isPositive()
                    .isLessThanOrEqualTo(count / 100 - 2);

            String received = readUntil(socket.getInputStream(), count);
            List<Long> ids = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\nid: (\\d+)\nevent: record\n").matcher(received);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            assertThat(ids).hasSize(count).isSorted().doesNotHaveDuplicates();
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void badStartingPoints_andTheOperator_getProblemDocuments() {
        Recipient r = recipient();
        try (EventStream badHeader = api.stream(STREAM, r.token(), "yesterday")) {
            assertThat(badHeader.status).isEqualTo(400);
            assertThat(badHeader.headers.firstValue("Content-Type")).hasValue("application/problem+json");
        }
        Api.Reply badFrom = api.get(STREAM + "?from=middle", r.token());
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.field()).isEqualTo("from");
        Api.Reply operator = api.get(STREAM, hub.operatorToken);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(api.get(STREAM, null).status()).isEqualTo(401);
    }

    @Test
    void heartbeats_keepTheStreamAlive_andARevokedToken_endsIt() throws Exception {
        Recipient r = recipient();
        var client = hub.registry.clients().create(fixture.operator, r.id(),
                new NewApiClient("streamer", ClientKind.SERVICE, Set.of(Scope.READ), null));
        HttpServer server = streamServer(hub.sharing.deliveries(), Duration.ofMillis(200), new HttpServerOptions());
        try (EventStream stream = new Api("http://127.0.0.1:" + server.actualPort()).stream(STREAM, client.token(), null)) {
            assertThat(stream.status).isEqualTo(200);
            fixture.send(r.device(), 16.0);
            assertThat(values(take(stream, 1))).containsExactly(16.0);
            awaitUntil(() -> stream.comments().contains("heartbeat"));
            assertThat(stream.ended()).isFalse();

            hub.registry.clients().revoke(fixture.operator, client.client().id());

            awaitUntil(stream::ended);
            fixture.send(r.device(), 16.5);
            assertThat(stream.next(QUIET)).isNull();
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A server with only the stream route (behind authentication), for a heartbeat or socket options of its own. */
    private HttpServer streamServer(DeliveryService deliveries, Duration heartbeat, HttpServerOptions options) throws Exception {
        Router router = Router.router(hub.vertx);
        router.route("/api/v1/*").handler(new AuthHandler(hub.registry.authenticator()));
        new DeliveryStreamRoute(deliveries, hub.registry.authenticator(), heartbeat).mount(router);
        router.route().failureHandler(new ProblemHandler(Json.mapper(), 1024));
        return hub.vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0)).requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Reads the raw (chunked) response until it holds {@code events} record events. */
    private static String readUntil(InputStream in, int events) throws Exception {
        StringBuilder received = new StringBuilder();
        byte[] buffer = new byte[8192];
        int seen = 0;
        while (seen < events) {
            int n = in.read(buffer);
            assertThat(n).as("the stream ended after %d events", seen).isPositive();
            received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            seen = count(received, "\nevent: record\n");
        }
        return received.toString();
    }

    private static int count(CharSequence text, String token) {
        int n = 0;
        for (int i = text.toString().indexOf(token); i >= 0; i = text.toString().indexOf(token, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<EventStream.Event> take(EventStream stream, int count) {
        List<EventStream.Event> events = new ArrayList<>();
        while (events.size() < count) {
            EventStream.@Nullable Event event = stream.next(WAIT);
            assertThat(event).as("event %d of %d", events.size() + 1, count).isNotNull();
            events.add(event);
        }
        return events;
    }

    private static List<Double> values(List<EventStream.Event> events) throws Exception {
        List<Double> values = new ArrayList<>();
        for (EventStream.Event e : events) {
            values.add(JSON.readTree(e.data()).at("/record/fields/0/value").asDouble());
        }
        return values;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
