package io.pactum.http.webhook;

import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.OutboxListener;
import io.pactum.core.delivery.Webhook;
import io.pactum.core.delivery.WebhookEvents;
import io.pactum.core.delivery.WebhookStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every enabled webhook's outbox to its endpoint: one event per signed HTTP POST, in
 * event-id order, at least once (the webhook's cursor moves only after a 2xx), with retries,
 * dead letters and replays as {@link WebhookWorker} describes and {@code docs/webhooks.md}
 * documents for receivers.
 *
 * <p>It wakes when an outbox grows ({@link OutboxListener}), when a webhook is created, changed,
 * deleted or asks for a replay ({@link WebhookEvents}), and every {@link WebhookSettings#pollInterval()}
 * as a safety net, which also picks up webhooks changed by another node. All its state lives on one
 * Vert.x context of its own; store calls run on worker threads. One dispatcher per hub: two over
 * the same database would both deliver (duplicates, which receivers tolerate, but twice the load).
 *
 * <p>{@link #start} it once; {@link #close} stops it (before closing the database it uses).
 */
public final class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Vertx vertx;
    private final Context context;
    private final String deploymentId;
    private final Outbox outbox;
    private final WebhookStore webhooks;
    private final WebhookSettings settings;
    private final WebhookCounters counters = new WebhookCounters();
    private final WebhookWorker.Shared shared;
    private final OutboxListener outboxListener = this::appended;
    /** Workers by webhook id, enabled webhooks only; touched on the context only. */
    private final Map<String, WebhookWorker> workers = new LinkedHashMap<>();
    /** Workers stopped (webhook paused or deleted) that are finishing an attempt; close waits for them. */
    private final Set<Future<Void>> stopping = new HashSet<>();
    /** The event sequence number at which each webhook id last changed by an event, so a stale list read does not undo it. */
    private final Map<String, Long> changedAt = new HashMap<>();
    private long sequence;
    private final Set<String> grown = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private volatile boolean closed;
    private long pollTimer = -1;
    /** A poll is under way; the next tick skips rather than race it with an older read. */
    private boolean polling;
    private @Nullable Future<Void> closing;

    private WebhookDispatcher(Vertx vertx, Context context, String deploymentId, DeliveryService deliveries,
            WebhookStore webhooks, Outbox outbox, Clock clock, WebhookSettings settings) {
        this.vertx = vertx;
        this.context = context;
        this.deploymentId = deploymentId;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.settings = settings;
        WebhookSender sender = new WebhookSender(vertx, context, deliveries.policy(), clock, settings.requestTimeout());
        Backoff backoff = new Backoff(settings.backoffBase(), settings.backoffCap(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.shared = new WebhookWorker.Shared(vertx, context, outbox, webhooks, deliveries, sender, backoff, settings,
                clock, counters);
    }

    /**
     * Starts delivering: takes a Vert.x context of its own, reads the webhooks, starts each enabled
     * one from its cursor and subscribes to outbox and webhook changes. The future fails if the
     * webhooks cannot be read.
     *
     * @param deliveries gives each webhook's signing key and the webhook policy, and tells of webhook changes
     * @param webhooks   the webhook and dead-letter store
     * @param outbox     what is delivered, re-checked against agreements and consent when read
     */
    public static Future<WebhookDispatcher> start(Vertx vertx, DeliveryService deliveries, WebhookStore webhooks,
            Outbox outbox, Clock clock, WebhookSettings settings) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        Home home = new Home();
        return vertx.deployVerticle(home).compose(id -> {
            WebhookDispatcher dispatcher = new WebhookDispatcher(vertx, home.context(), id, deliveries, webhooks,
                    outbox, clock, settings);
            Promise<WebhookDispatcher> started = Promise.promise();
            home.context().runOnContext(v -> dispatcher.begin(deliveries).onComplete(done -> {
                if (done.succeeded()) {
                    started.complete(dispatcher);
                } else {
                    dispatcher.close().onComplete(ignored -> started.fail(done.cause()));
                }
            }));
            return started.future();
        });
    }

    /** What was delivered, retried and dead-lettered since the start. */
    public WebhookCounters counters() {
        return counters;
    }

    /**
     * Stops: no new attempt starts; an attempt in flight is cut off (its event is tried again on the
     * next start, as at-least-once allows); store writes under way finish. Completes when the
     * dispatcher is quiet. Calling it again returns the same future.
     */
    public synchronized Future<Void> close() {
        if (closing != null) {
            return closing;
        }
        closed = true;
        Promise<Void> done = Promise.promise();
        closing = done.future();
        context.runOnContext(v -> {
            if (pollTimer >= 0) {
                vertx.cancelTimer(pollTimer);
            }
            outbox.removeListener(outboxListener);
            List<Future<Void>> quiet = new ArrayList<>(stopping);
            Future<Void> clientClosed = shared.sender().close(); // cuts attempts in flight short
            for (WebhookWorker worker : workers.values()) {
                quiet.add(worker.stop(false));
            }
            workers.clear();
            Future.join(quiet)
                    .transform(ignored -> clientClosed)
                    .transform(ignored -> vertx.undeploy(deploymentId))
                    .onComplete(ignored -> done.complete());
        });
        return closing;
    }

    private Future<Void> begin(DeliveryService deliveries) {
        outbox.addListener(outboxListener);
        deliveries.addWebhookListener(new Events());
        return reconcile().onSuccess(v -> {
            if (!closed) {
                pollTimer = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> poll());
            }
        });
    }

    private void poll() {
        if (polling || closed) {
            return;
        }
        polling = true;
        reconcile().onComplete(done -> {
            polling = false;
            if (done.failed()) {
                LOG.warn("Webhook poll could not read the webhooks ({})", done.cause().getClass().getSimpleName());
            }
        });
    }

    /** Brings the workers in line with the stored webhooks, then lets each look for work. */
    private Future<Void> reconcile() {
        long readAt = sequence;
        return context.executeBlocking(webhooks::list, false).map(list -> {
            if (closed) {
                return null;
            }
            Set<String> listed = new HashSet<>();
            for (Webhook webhook : list) {
                listed.add(webhook.id());
                if (!changedSince(webhook.id(), readAt)) {
                    apply(webhook);
                }
            }
            for (String id : new ArrayList<>(workers.keySet())) {
                if (!listed.contains(id) && !changedSince(id, readAt)) {
                    remove(id, true);
                }
            }
            changedAt.values().removeIf(at -> at <= readAt);
            for (WebhookWorker worker : workers.values()) {
                worker.replayRequested();
            }
            return null;
        });
    }

    private boolean changedSince(String webhookId, long readAt) {
        Long at = changedAt.get(webhookId);
        return at != null && at > readAt;
    }

    private void apply(Webhook webhook) {
        if (!webhook.enabled()) {
            remove(webhook.id(), false);
            return;
        }
        WebhookWorker worker = workers.get(webhook.id());
        if (worker == null) {
            worker = new WebhookWorker(shared, webhook);
            workers.put(webhook.id(), worker);
            LOG.debug("Webhook {} started", webhook.id());
        } else {
            worker.update(webhook);
        }
        worker.wake();
    }

    private void remove(String webhookId, boolean deleted) {
        WebhookWorker worker = workers.remove(webhookId);
        if (worker != null) {
            Future<Void> quiet = worker.stop(deleted);
            if (!quiet.isComplete()) {
                stopping.add(quiet);
                quiet.onComplete(v -> stopping.remove(quiet));
            }
            LOG.debug("Webhook {} stopped", webhookId);
        }
    }

    /** From any thread, must not block: coalesces notifications into one turn on the context. */
    private void appended(Set<String> recipientIds) {
        if (closed) {
            return;
        }
        grown.addAll(recipientIds);
        if (wakeScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                wakeScheduled.set(false);
                Set<String> recipients = new HashSet<>();
                for (Iterator<String> it = grown.iterator(); it.hasNext(); ) {
                    recipients.add(it.next());
                    it.remove();
                }
                if (closed) {
                    return;
                }
                for (WebhookWorker worker : workers.values()) {
                    if (recipients.contains(worker.webhook().recipientId())) {
                        worker.wake();
                    }
                }
            });
        }
    }

    /** Webhook changes from the API, on the caller's thread: handed to the context. */
    private final class Events implements WebhookEvents {
        @Override
        public void changed(Webhook webhook) {
            onContext(webhook.id(), () -> apply(webhook));
        }

        @Override
        public void deleted(String webhookId) {
            onContext(webhookId, () -> remove(webhookId, true));
        }

        @Override
        public void replayRequested(String webhookId) {
            onContext(webhookId, () -> {
                WebhookWorker worker = workers.get(webhookId);
                if (worker != null) {
                    worker.replayRequested();
                }
            });
        }

        private void onContext(String webhookId, Runnable change) {
            if (closed) {
                return;
            }
            context.runOnContext(v -> {
                if (!closed) {
                    changedAt.put(webhookId, ++sequence);
                    change.run();
                }
            });
        }
    }

    /** Gives the dispatcher a Vert.x context of its own. */
    private static final class Home extends VerticleBase {
        Context context() {
            return context;
        }
    }
}
