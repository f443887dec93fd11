package io.pactum.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.delivery.DeadLetter;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.IssuedWebhook;
import io.pactum.core.delivery.WebhookPolicy;
import io.pactum.http.webhook.PartnerEndpoint.Received;
import io.pactum.http.webhook.PartnerEndpoint.Reply;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The webhook dispatcher against real parts: an H2 database holding the outbox, cursors, webhooks
 * and dead letters, the policy decision point re-checking each delivery, and a partner endpoint on
 * a real HTTP server that checks every signature with its own code. Backoffs are milliseconds; the
 * safety poll is an hour unless a test is about it, so deliveries here are woken by notifications.
 */
class WebhookDispatcherIT {
    private static final Duration MS = Duration.ofMillis(1);

    @TempDir
    Path dataDir;

    private WebhookWorld world;
    private PartnerEndpoint partner;
    private final List<Runnable> restore = new ArrayList<>();

    @BeforeEach
    void setUp() {
        world = new WebhookWorld(dataDir);
        partner = PartnerEndpoint.start(world.vertx);
    }

    @AfterEach
    void tearDown() {
        restore.forEach(Runnable::run);
        try {
            partner.close();
        } finally {
            world.close();
        }
    }

    private static WebhookSettings fast(int maxAttempts) {
        return new WebhookSettings(maxAttempts, MS.multipliedBy(5), MS.multipliedBy(20), Duration.ofSeconds(5),
                Duration.ofHours(1), 100);
    }

    private IssuedWebhook register(PartnerEndpoint endpoint) {
        IssuedWebhook issued = world.webhook(endpoint.url());
        endpoint.secret(issued.secret());
        return issued;
    }

    private List<DeadLetter> deadLetters(IssuedWebhook issued) {
        return world.database.webhooks().deadLetters(issued.webhook().id(), 1_000);
    }

    @Test
    void deliversEveryEventOnce_inEventIdOrder_oneSignedPostEach() {
        WebhookDispatcher dispatcher = startFast(12);
        IssuedWebhook issued = register(partner);

        List<Long> events = world.append(3);
        events.addAll(world.append(2));
        Await.until("5 deliveries", () -> dispatcher.counters().delivered() == 5);

        List<Received> received = partner.received();
        assertThat(received).extracting(Received::eventId).containsExactlyElementsOf(events);
        long now = Instant.now().getEpochSecond();
        for (Received r : received) {
            assertThat(r.signatureValid()).as("signature of event %d", r.eventId()).isTrue();
            assertThat(r.signature()).matches("v1=[0-9a-f]{64}");
            assertThat(Long.parseLong(r.timestamp())).isBetween(now - 300, now + 5);
            assertThat(r.body()).isEqualTo(world.expectedBody(r.eventId()))
                    .startsWith("{\"eventId\":" + r.eventId() + ",");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.host()).isEqualTo("127.0.0.1:" + partner.port());
            assertThat(r.path()).isEqualTo("/hooks/pactum?source=hub");
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(world.cursor(issued.webhook().id())).isEqualTo(events.get(4));
        assertThat(deadLetters(issued)).isEmpty();
        assertThat(dispatcher.counters().retried()).isZero();
    }

    @Test
    void endpointDownForAWhile_thenBack_receivesEverything_inOrder_andOnlyTheHeadWasRetried() {
        WebhookDispatcher dispatcher = startFast(12);
        IssuedWebhook issued = register(partner);
        // down: three 503s, then three 429s asking to come back at once, then up
        int[] failures = {0};
        partner.respond((eventId, nth, ordinal) -> {
            synchronized (failures) {
                failures[0]++;
                if (failures[0] <= 3) {
                    return Reply.of(503);
                }
                return failures[0] <= 6 ? new Reply(429, "0") : Reply.of(200);
            }
        });

        List<Long> events = world.append(4);
        events.addAll(world.append(3)); // arrives while the endpoint is down
        Await.until("7 deliveries", () -> dispatcher.counters().delivered() == 7, () -> partner.received().toString());

        assertThat(partner.accepted()).containsExactlyElementsOf(events); // nothing lost, no duplicates, in order
        assertThat(partner.received()).filteredOn(r -> r.status() != 200)
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.eventId()).isEqualTo(events.get(0)));
        assertThat(partner.received()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(dispatcher.counters().retried()).isEqualTo(6);
        assertThat(deadLetters(issued)).isEmpty();
        assertThat(world.cursor(issued.webhook().id())).isEqualTo(events.get(6));
    }

    @Test
    void clientError_deadLettersTheEvent_atOnce_andTheNextEventProceeds() {
        WebhookDispatcher dispatcher = startFast(12);
        IssuedWebhook issued = register(partner);
        partner.respond((eventId, nth, ordinal) -> Reply.of(ordinal == 2 ? 400 : 200));

        List<Long> events = world.append(3);
        Await.until("2 deliveries and a dead letter",
                () -> dispatcher.counters().delivered() == 2 && dispatcher.counters().deadLettered() == 1);

        assertThat(partner.received()).extracting(Received::eventId).containsExactlyElementsOf(events);
        assertThat(partner.accepted()).containsExactly(events.get(0), events.get(2));
        assertThat(deadLetters(issued)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).isEqualTo(events.get(1));
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.lastError()).isEqualTo("HTTP 400");
            assertThat(letter.replayRequested()).isFalse();
        });
        assertThat(world.cursor(issued.webhook().id())).isEqualTo(events.get(2));
    }

    @Test
    void retriesUpToMaxAttempts_thenDeadLetters_andMovesOn() {
        WebhookDispatcher dispatcher = startFast(3);
        IssuedWebhook issued = register(partner);
        partner.respond((eventId, nth, ordinal) -> Reply.of(ordinal == 1 ? 500 : 200));

        List<Long> events = world.append(2);
        Await.until("a dead letter and a delivery",
                () -> dispatcher.counters().deadLettered() == 1 && dispatcher.counters().delivered() == 1);

        assertThat(partner.received()).extracting(Received::eventId)
                .containsExactly(events.get(0), events.get(0), events.get(0), events.get(1));
        assertThat(deadLetters(issued)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).isEqualTo(events.get(0));
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).isEqualTo("HTTP 500");
        });
        assertThat(dispatcher.counters().retried()).isEqualTo(2);
        assertThat(world.cursor(issued.webhook().id())).isEqualTo(events.get(1));
    }

    @Test
    void endpointThatNeverAnswers_isCutOffByTheRequestTimeout_andDeadLettered() {
        WebhookDispatcher dispatcher = world.start(new WebhookSettings(2, MS, MS.multipliedBy(5),
                Duration.ofMillis(500), Duration.ofHours(1), 100));
        IssuedWebhook issued = register(partner);
        partner.respond((eventId, nth, ordinal) -> Reply.of(ordinal == 1 ? 0 : 200));

        List<Long> events = world.append(2);
        Await.until("a dead letter and a delivery",
                () -> dispatcher.counters().deadLettered() == 1 && dispatcher.counters().delivered() == 1);

        assertThat(deadLetters(issued)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).isEqualTo(events.get(0));
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.lastError()).isEqualTo("Timeout");
        });
        assertThat(partner.accepted()).containsExactly(events.get(1));
    }

    @Test
    void unreachableEndpoint_deadLettersWithTheErrorClass() {
        WebhookDispatcher dispatcher = startFast(2);
        PartnerEndpoint gone = PartnerEndpoint.start(world.vertx);
        IssuedWebhook issued = register(gone);
        gone.close(); // nothing listens on its port any more

        List<Long> events = world.append(1);
        Await.until("a dead letter", () -> dispatcher.counters().deadLettered() == 1);

        assertThat(deadLetters(issued)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).isEqualTo(events.get(0));
            assertThat(letter.lastError()).isEqualTo("ConnectException");
        });
    }

    @Test
    void replay_deliversDeadLetters_withTheSameSigning_andRemovesThem() {
        WebhookDispatcher dispatcher = startFast(12);
        IssuedWebhook issued = register(partner);
        partner.respond((eventId, nth, ordinal) -> Reply.of(ordinal >= 2 && nth == 1 ? 410 : 200));
        List<Long> events = world.append(3);
        Await.until("2 dead letters", () -> dispatcher.counters().deadLettered() == 2);
        assertThat(deadLetters(issued)).extracting(DeadLetter::eventId).containsExactly(events.get(1), events.get(2));

        int marked = world.deliveries.replay(world.partner, issued.webhook().id(), List.of());
        Await.until("2 replays", () -> dispatcher.counters().replayed() == 2);

        assertThat(marked).isEqualTo(2);
        assertThat(partner.accepted()).containsExactlyElementsOf(events); // the replays, oldest first
        assertThat(partner.received()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(deadLetters(issued)).isEmpty();
        assertThat(dispatcher.counters().delivered()).isEqualTo(3);
    }

    @Test
    void replayAskedForWhileStopped_goesBeforeNewEvents_afterTheRestart() {
        startFast(12);
        IssuedWebhook issued = register(partner);
        partner.respond((eventId, nth, ordinal) -> Reply.of(ordinal == 1 && nth == 1 ? 400 : 200));
        List<Long> events = world.append(2);
        Await.until("a dead letter and a delivery", () -> partner.received().size() == 2
                && deadLetters(issued).size() == 1 && world.cursor(issued.webhook().id()) == events.get(1));

        world.restart();
        world.database.webhooks().requestReplay(issued.webhook().id(), List.of()); // durable mark, no one listening
        List<Long> later = world.append(2);
        WebhookDispatcher restarted = startFast(12);
        Await.until("3 deliveries", () -> restarted.counters().delivered() == 3);

        assertThat(partner.accepted()).containsExactly(events.get(1), events.get(0), later.get(0), later.get(1));
        assertThat(deadLetters(issued)).isEmpty();
    }

    @Test
    void disabledWebhook_receivesNothing_andOnResume_catchesUpFromItsPosition() {
        WebhookDispatcher dispatcher = startFast(12);
        IssuedWebhook paused = register(partner);
        world.deliveries.setEnabled(world.partner, paused.webhook().id(), false);
        try (PartnerEndpoint other = PartnerEndpoint.start(world.vertx)) {
            register(other); // the same partner's second webhook: shows when delivery has happened

            List<Long> events = world.append(3);
            Await.until("3 deliveries to the other webhook", () -> other.accepted().size() == 3);

            assertThat(partner.received()).isEmpty();
            assertThat(partner.connections).hasValue(0);
            assertThat(world.cursor(paused.webhook().id())).isZero();

            world.deliveries.setEnabled(world.partner, paused.webhook().id(), true);
            Await.until("the paused webhook to catch up", () -> dispatcher.counters().delivered() == 6);
            assertThat(partner.accepted()).containsExactlyElementsOf(events);
            assertThat(dispatcher.counters().delivered()).isEqualTo(6);
        }
    }

    @Test
    void deletedWebhook_stops() {
        WebhookDispatcher dispatcher = startFast(12);
        IssuedWebhook deleted = register(partner);
        world.deliveries.deleteWebhook(world.partner, deleted.webhook().id());
        try (PartnerEndpoint other = PartnerEndpoint.start(world.vertx)) {
            register(other);

            world.append(2);
            Await.until("2 deliveries to the other webhook", () -> dispatcher.counters().delivered() == 2);

            assertThat(partner.connections).hasValue(0);
        }
    }

    @Test
    void ssrf_literalPrivateAddress_isNeverConnectedTo() {
        IssuedWebhook issued = register(partner); // registered while the hub allowed it
        DeliveryService strict = world.deliveries(new WebhookPolicy(true, false));
        WebhookDispatcher dispatcher = world.start(fast(3), strict);

        List<Long> events = world.append(2);
        Await.until("2 dead letters", () -> dispatcher.counters().deadLettered() == 2);

        assertThat(partner.connections).hasValue(0);
        assertThat(deadLetters(issued)).extracting(DeadLetter::eventId).containsExactlyElementsOf(events);
        assertThat(deadLetters(issued)).allSatisfy(letter ->
                assertThat(letter.lastError()).isEqualTo("URL refused by webhook policy"));
    }

    @Test
    void ssrf_hostNameResolvingToAPrivateAddress_isNeverConnectedTo_butWouldBeIfAllowed() throws Exception {
        InetAddress local = InetAddress.getLocalHost();
        String name = local.getHostName();
        InetAddress[] resolved = InetAddress.getAllByName(name);
        assumeTrue(!name.equalsIgnoreCase("localhost") && !Character.isDigit(name.charAt(name.length() - 1))
                && List.of(resolved).stream().allMatch(a -> a.isLoopbackAddress() || a.isSiteLocalAddress()),
                "this machine's host name must resolve to loopback or private addresses only");
        try (PartnerEndpoint named = PartnerEndpoint.start(world.vertx, resolved[0].getHostAddress())) {
            String url = "http://" + name + ":" + named.port() + "/hook";
            IssuedWebhook refused = world.webhook(url); // the name passes the registration check: no literal
            named.secret(refused.secret());
            WebhookDispatcher strict = world.start(fast(2), world.deliveries(new WebhookPolicy(true, false)));

            List<Long> events = world.append(1);
            Await.until("a dead letter", () -> strict.counters().deadLettered() == 1);

            assertThat(named.connections).hasValue(0);
            assertThat(deadLetters(refused)).singleElement().satisfies(letter -> {
                assertThat(letter.eventId()).isEqualTo(events.get(0));
                assertThat(letter.lastError()).isEqualTo("AddressRefusedException");
            });

            world.restart(); // the control: the same name, allowed, is reached, with the name as Host
            world.database.webhooks().requestReplay(refused.webhook().id(), List.of());
            WebhookDispatcher open = startFast(2);
            Await.until("the replay", () -> open.counters().replayed() == 1);
            assertThat(named.received()).singleElement().satisfies(r -> {
                assertThat(r.host()).isEqualTo(name + ":" + named.port());
                assertThat(r.signatureValid()).isTrue();
            });
        }
    }

    @Test
    void newDispatcherOverTheSameDatabase_resumesFromTheCursor() {
        WebhookDispatcher first = startFast(12);
        register(partner);
        List<Long> before = world.append(3);
        Await.until("3 deliveries", () -> first.counters().delivered() == 3);

        world.restart();
        List<Long> after = world.append(2);
        WebhookDispatcher second = startFast(12);
        Await.until("2 deliveries after the restart", () -> second.counters().delivered() == 2);

        List<Long> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(partner.accepted()).containsExactlyElementsOf(all);
    }

    @Test
    void safetyPoll_deliversWithoutANotification() {
        WebhookDispatcher dispatcher = world.start(new WebhookSettings(12, MS, MS.multipliedBy(5),
                Duration.ofSeconds(5), Duration.ofMillis(50), 100));
        register(partner);

        List<Long> events = world.append(2, false);
        Await.until("2 deliveries", () -> dispatcher.counters().delivered() == 2);

        assertThat(partner.accepted()).containsExactlyElementsOf(events);
    }

    @Test
    void revokedAgreement_stopsWhatIsStillWaiting_whileTheEndpointIsDown() {
        WebhookDispatcher dispatcher = startFast(1_000);
        IssuedWebhook issued = register(partner);
        partner.respond((eventId, nth, ordinal) -> Reply.of(503));
        List<Long> events = world.append(3);
        Await.until("a retry", () -> dispatcher.counters().retried() >= 2);

        world.revokeAgreement();
        Await.until("the cursor past the withheld events", () -> world.cursor(issued.webhook().id()) == events.get(2));

        assertThat(partner.accepted()).isEmpty();
        assertThat(deadLetters(issued)).isEmpty();
        assertThat(world.audit.recent(e -> e.type() == AuditEventType.DELIVERY_WITHHELD))
                .extracting(e -> e.details().get("eventId"))
                .contains(String.valueOf(events.get(0)));
    }

    @Test
    void logs_neverCarrySecretsBodiesOrSignatures() {
        List<ILoggingEvent> logged = capture("io.pactum.http.webhook", "pactum.security");
        WebhookDispatcher dispatcher = startFast(2);
        IssuedWebhook issued = register(partner);
        partner.respond((eventId, nth, ordinal) -> Reply.of(nth == 1 ? 503 : 400));
        world.append(2);
        Await.until("2 dead letters", () -> dispatcher.counters().deadLettered() == 2);
        world.restart();
        world.database.webhooks().requestReplay(issued.webhook().id(), List.of());
        WebhookDispatcher strict = world.start(fast(1), world.deliveries(new WebhookPolicy(true, false)));
        Await.until("2 refused replays", () -> strict.counters().deadLettered() == 2);

        String all;
        synchronized (logged) {
            all = logged.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getMessage())).collect(Collectors.joining("\n"));
        }
        assertThat(all).contains("dead letter").contains("not called");
        assertThat(all).doesNotContain(issued.secret())
                .doesNotContain("v1=")
                .doesNotContain("glucose")
                .doesNotContain("receiver body")
                .doesNotContain("/hooks/pactum");
        for (Received r : partner.received()) {
            assertThat(all).doesNotContain(r.signature().substring(3));
        }
    }

    private WebhookDispatcher startFast(int maxAttempts) {
        return world.start(fast(maxAttempts));
    }

    /** Collects what the loggers write at debug and above, for this test only. */
    private List<ILoggingEvent> capture(String... loggers) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            Level level = logger.getLevel();
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
            restore.add(() -> {
                logger.detachAppender(appender);
                logger.setLevel(level);
            });
        }
        return appender.list;
    }
}
