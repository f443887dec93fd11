package io.pactum.server.respond;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.ResponseAction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playbook action {@value IncidentActions#NOTIFY}: tells the operator's own system about an
 * incident by a signed JSON POST to one configured URL (body: {@link NotifyMessage}; signature: as
 * partner webhooks, see {@link NotifySender}).
 *
 * <p>{@link #take} runs on the hub's incident worker, so it only queues the notification and returns;
 * one daemon thread sends it, with up to {@value #MAX_ATTEMPTS} attempts. A notification that cannot
 * be delivered is logged on {@code pactum.security} and dropped: it is best effort and never holds up
 * containment, which is why {@code take} does not fail for it either. The target is not used; the
 * incident says what the notification is about.
 *
 * <p>Logs name the incident and the URL's host only: never the secret, the body, or the URL's path
 * and query (some receivers put a token there).
 */
public final class NotifyWebhook implements ResponseAction, AutoCloseable {
    static final int MAX_ATTEMPTS = 3;
    static final Duration BACKOFF = Duration.ofSeconds(1);
    static final int MAX_PENDING = 1_000;
    static final int MIN_SECRET_LENGTH = 16;
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    private static final Logger LOG = LoggerFactory.getLogger(NotifyWebhook.class);

    private final String host;
    private final NotifySender sender;
    private final long backoffMillis;
    private final int maxPending;
    /** Queued, in flight or waiting to retry; bounds the executor's otherwise unbounded queue. */
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledThreadPoolExecutor executor;
    private volatile boolean closed;

    /**
     * @param url            where to POST, {@code https://} unless {@code allowPlainHttp}
     * @param secret         the signing secret, at least {@value #MIN_SECRET_LENGTH} characters; its
     *                       UTF-8 bytes are the HMAC key, as for partner webhooks
     * @param allowPlainHttp whether an {@code http://} URL is accepted: only for loopback tests and
     *                       closed networks, since the notification then travels readable
     * @throws IllegalArgumentException if the URL or the secret is not acceptable
     */
    public NotifyWebhook(String url, String secret, boolean allowPlainHttp) {
        this(url, secret, allowPlainHttp, Clock.systemUTC(), BACKOFF, MAX_PENDING);
    }

    /** For tests: a shorter backoff and a smaller queue. */
    NotifyWebhook(String url, String secret, boolean allowPlainHttp, Clock clock, Duration backoff, int maxPending) {
        URI uri = checkedUri(Objects.requireNonNull(url, "url"), allowPlainHttp);
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank() || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the notify webhook secret must be at least " + MIN_SECRET_LENGTH
                    + " characters long");
        }
        this.host = uri.getHost();
        this.sender = new NotifySender(uri, secret.getBytes(StandardCharsets.UTF_8), clock);
        this.backoffMillis = backoff.toMillis();
        this.maxPending = maxPending;
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "pactum-notify");
            thread.setDaemon(true); // a notification must never keep the hub from exiting
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public String name() {
        return IncidentActions.NOTIFY;
    }

    /** Queues the notification and returns at once; the detail says whether it was queued. */
    @Override
    public String take(Incident incident, String target) {
        Objects.requireNonNull(incident, "incident");
        if (closed) {
            return "notification not sent: the hub is shutting down";
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            SECURITY.warn("Incident {}: notification to {} dropped: the limit of {} pending notifications is reached",
                    incident.id(), host, maxPending);
            return "notification dropped: too many pending for " + host;
        }
        String body = NotifyMessage.json(incident, UUID.randomUUID().toString());
        try {
            executor.execute(() -> attempt(incident.id(), body, 1));
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            return "notification not sent: the hub is shutting down";
        }
        return "notification queued to " + host;
    }

    @Override
    public String reverse(String target, String takenDetail) {
        return "a notification cannot be taken back";
    }

    /** Stops sending; notifications still queued or waiting to retry are dropped, and counted in the log. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        int dropped = pending.get();
        if (dropped > 0) {
            SECURITY.warn("{} incident notification(s) to {} not sent: the hub is shutting down", dropped, host);
        }
    }

    /** How many notifications are queued, in flight or waiting to retry. */
    int pending() {
        return pending.get();
    }

    private void attempt(String incidentId, String body, int attempt) {
        NotifySender.Outcome outcome = sender.post(body);
        if (outcome.delivered() || closed) {
            pending.decrementAndGet();
            return;
        }
        if (outcome.retryable() && attempt < MAX_ATTEMPTS) {
            long wait = backoffMillis << (attempt - 1); // 1 s, then 2 s
            LOG.debug("Incident {}: notification attempt {} to {} failed ({}); next in {} ms", incidentId, attempt,
                    host, outcome.error(), wait);
            try {
                executor.schedule(() -> attempt(incidentId, body, attempt + 1), wait, TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException e) {
                return; // closing; close() reports what was left
            }
        }
        pending.decrementAndGet();
        SECURITY.warn("Incident {}: notification to {} not delivered after {} attempt(s) ({})", incidentId, host,
                attempt, outcome.error());
    }

    /** Parses and checks the URL; messages say what to fix without echoing the URL, which may hold a token. */
    private static URI checkedUri(String url, boolean allowPlainHttp) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the notify webhook URL is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowPlainHttp) {
            throw new IllegalArgumentException("the notify webhook URL must use https; plain http is accepted only "
                    + "when explicitly allowed, for loopback tests and closed networks");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("the notify webhook URL must be an absolute https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the notify webhook URL has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the notify webhook URL must not carry user credentials; "
                    + "notifications are authenticated by their signature");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the notify webhook URL must not have a fragment (#...)");
        }
        return uri;
    }
}
