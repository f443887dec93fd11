package io.pactum.server.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.Severity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NotifyWebhookTest {
    private static final String SECRET = "notify-test-secret-0123";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration FAST = Duration.ofMillis(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Receiver receiver;
    private final List<NotifyWebhook> notifiers = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        notifiers.forEach(NotifyWebhook::close);
        receiver.close();
    }

    @Test
    void take_returnsAtOnce_andReceiverGetsOneSignedPostWithoutSubjectIds() throws Exception {
        receiver.holdAnswers();
        NotifyWebhook notify = notifier(receiver.url(), 1000);

        long start = System.nanoTime();
        String detail = notify.take(incident(), "device-7");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(detail).isEqualTo("notification queued to 127.0.0.1");
        assertThat(tookMillis).isLessThan(500);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 1);
        assertThat(notify.pending()).isEqualTo(1); // still waiting for the receiver's answer
        receiver.releaseAnswers();
        await().atMost(Duration.ofSeconds(5)).until(() -> notify.pending() == 0);

        assertThat(receiver.requests()).hasSize(1);
        Request request = receiver.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.signature()).isEqualTo(expectedSignature(request.timestamp(), request.body()));
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asText()).isEqualTo("pactum.incident");
        assertThat(body.get("id").asText()).isEqualTo("inc-42");
        assertThat(body.get("detector").asText()).isEqualTo("auth-failure-burst");
        assertThat(body.get("subject").asText()).isEqualTo("device-7");
        assertThat(body.get("title").asText()).isEqualTo("Repeated authentication failures");
        assertThat(body.get("severity").asText()).isEqualTo("high");
        assertThat(body.get("status").asText()).isEqualTo("open");
        assertThat(body.get("detectedAt").asText()).isEqualTo("2025-12-31T23:50:00Z");
        assertThat(body.get("deviceCount").asInt()).isEqualTo(2);
        assertThat(body.get("organisationCount").asInt()).isEqualTo(1);
        assertThat(body.get("dataSubjectCount").asInt()).isEqualTo(2);
        assertThat(body.get("notificationId").asText()).isNotBlank();
        assertThat(request.body()).doesNotContain("subject-anna", "subject-ben");
    }

    @Test
    void take_whenReceiverFailsTwiceThenAccepts_makesThreeSignedAttempts() throws Exception {
        receiver.answer(500, 500, 200);
        NotifyWebhook notify = notifier(receiver.url(), 1000);

        notify.take(incident(), "device-7");

        await().atMost(Duration.ofSeconds(5)).until(() -> notify.pending() == 0);
        Thread.sleep(200); // nothing more arrives
        assertThat(receiver.requests()).hasSize(3);
        for (Request request : receiver.requests()) {
            assertThat(request.signature()).isEqualTo(expectedSignature(request.timestamp(), request.body()));
        }
        assertThat(receiver.requests()).extracting(Request::body).containsOnly(receiver.requests().get(0).body());
    }

    @Test
    void take_whenReceiverRefusesWith400_doesNotRetry() throws Exception {
        receiver.answer(400);
        NotifyWebhook notify = notifier(receiver.url(), 1000);

        notify.take(incident(), "device-7");

        await().atMost(Duration.ofSeconds(5)).until(() -> notify.pending() == 0);
        Thread.sleep(200);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void take_whenUnreachable_doesNotThrow_andLogsAWarningWithoutSecretOrPath() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ListAppender<ILoggingEvent> log = capture("pactum.security");
        try {
            NotifyWebhook notify = notifier("http://127.0.0.1:" + closedPort + "/hooks/token-in-path", 1000);

            assertThat(notify.take(incident(), "device-7")).isEqualTo("notification queued to 127.0.0.1");

            await().atMost(Duration.ofSeconds(10)).until(() -> notify.pending() == 0);
            List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertThat(warnings).hasSize(1);
            String message = warnings.get(0).getFormattedMessage();
            assertThat(message).contains("inc-42", "127.0.0.1", "3 attempt(s)")
                    .doesNotContain(SECRET, "token-in-path", "subject-anna");
        } finally {
            ((Logger) LoggerFactory.getLogger("pactum.security")).detachAppender(log);
        }
    }

    @Test
    void take_whenTooManyPending_dropsTheNotification() {
        receiver.holdAnswers();
        NotifyWebhook notify = notifier(receiver.url(), 1);

        assertThat(notify.take(incident(), "device-7")).isEqualTo("notification queued to 127.0.0.1");
        assertThat(notify.take(incident(), "device-7")).isEqualTo("notification dropped: too many pending for 127.0.0.1");

        receiver.releaseAnswers();
        await().atMost(Duration.ofSeconds(5)).until(() -> notify.pending() == 0);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void take_afterClose_sendsNothing() throws Exception {
        NotifyWebhook notify = notifier(receiver.url(), 1000);
        notify.close();

        assertThat(notify.take(incident(), "device-7")).isEqualTo("notification not sent: the hub is shutting down");
        Thread.sleep(200);
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void constructor_refusesPlainHttpWithoutTheFlag() {
        assertThatThrownBy(() -> new NotifyWebhook(receiver.url(), SECRET, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must use https");
    }

    @Test
    void constructor_refusesGarbageAndUnsafeUrls_withoutEchoingThem() {
        for (String url : List.of("not a url", "example.org/hook", "ftp://example.org/hook", "https:///nohost",
                "https://user:pass@example.org/hook", "https://example.org/hook#part", "")) {
            assertThatThrownBy(() -> new NotifyWebhook(url, SECRET, true))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the notify webhook URL")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pass@"));
        }
    }

    @Test
    void constructor_refusesAShortSecret() {
        assertThatThrownBy(() -> new NotifyWebhook("https://example.org/hook", "short", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret must be at least 16 characters");
    }

    @Test
    void constructor_acceptsHttps() {
        try (NotifyWebhook notify = new NotifyWebhook("https://ops.example.org/pactum?x=1", SECRET, false)) {
            assertThat(notify.name()).isEqualTo("notify");
        }
    }

    @Test
    void reverse_saysANotificationCannotBeTakenBack() {
        NotifyWebhook notify = notifier(receiver.url(), 1000);

        assertThat(notify.reverse("device-7", "notification queued to 127.0.0.1"))
                .isEqualTo("a notification cannot be taken back");
    }

    private NotifyWebhook notifier(String url, int maxPending) {
        NotifyWebhook notify = new NotifyWebhook(url, SECRET, true, CLOCK, FAST, maxPending);
        notifiers.add(notify);
        return notify;
    }

    private static Incident incident() {
        Instant detected = Instant.parse("2025-12-31T23:50:00Z");
        return new Incident("inc-42", "auth-failure-burst", "device-7", "Repeated authentication failures",
                Severity.HIGH, IncidentStatus.OPEN, detected, detected, null, null, Set.of("device-7", "device-8"),
                Set.of("org-1"), Set.of("subject-anna", "subject-ben"), List.of(), 0, null, 1);
    }

    /** Computed here from docs/webhooks.md, not with the hub's own code, so a drift in either shows. */
    private static String expectedSignature(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1=" + HexFormat.of().formatHex(expected);
    }

    private static ListAppender<ILoggingEvent> capture(String loggerName) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
        return appender;
    }

    private record Request(String method, String contentType, String timestamp, String signature, String body) {}

    /** An operator's endpoint on loopback: keeps every request, answers scripted statuses (then 204). */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
        private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Pactum-Timestamp"),
                        exchange.getRequestHeaders().getFirst("Pactum-Signature"), body));
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Integer status = statuses.poll();
                exchange.sendResponseHeaders(status == null ? 204 : status, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/pactum";
        }

        void answer(Integer... next) {
            statuses.addAll(List.of(next));
        }

        void holdAnswers() {
            gate = new CountDownLatch(1);
        }

        void releaseAnswers() {
            gate.countDown();
        }

        List<Request> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        @Override
        public void close() {
            releaseAnswers();
            server.stop(0);
        }
    }
}
