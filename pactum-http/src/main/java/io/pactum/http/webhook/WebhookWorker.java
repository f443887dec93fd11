package io.pactum.http.webhook;

import io.pactum.core.delivery.DeadLetter;
import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.Webhook;
import io.pactum.core.delivery.WebhookStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one webhook's outbox: one event at a time, oldest first, from the webhook's cursor.
 *
 * <p>Each step either loads what the worker needs (signing key, cursor), reads marked dead letters
 * or the next outbox entries, or makes one attempt at the head event. A 2xx moves the cursor past
 * the event (a replayed dead letter is removed instead); a failure worth retrying keeps the event
 * at the head and waits (backoff, or the receiver's {@code Retry-After}); a refusal, or the last
 * allowed attempt, records a dead letter and moves on. Only the head consumes attempts, so a
 * receiver that is down holds everything behind it and receives it all in order once it is back.
 * Before each retry the head is read again from the outbox, so the agreement and consent are
 * checked again at the moment of sending; marked dead letters go before new events.
 *
 * <p>Not thread-safe: every method runs on the dispatcher's context. Store calls go to worker
 * threads through {@link Context#executeBlocking}; a failing store call is retried after the poll
 * interval, from the state in the store.
 */
final class WebhookWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    /** Step result: go on at once. */
    private static final Duration NOW = Duration.ZERO;
    /** Step result: nothing to do until woken. */
    private static final Duration IDLE = Duration.ofMillis(-1);
    /** Recorded on a dead letter that may not be replayed because its agreement or consent no longer allows it. */
    static final String WITHHELD = "withheld";

    /** What every worker of a dispatcher shares. */
    record Shared(Vertx vertx, Context context, Outbox outbox, WebhookStore store, DeliveryService deliveries,
            WebhookSender sender, Backoff backoff, WebhookSettings settings, Clock clock, WebhookCounters counters) {
        Shared {
            Objects.requireNonNull(vertx, "vertx");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(deliveries, "deliveries");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(counters, "counters");
        }
    }

    /** The event being attempted and how many attempts at it failed so far. */
    private record Head(long eventId, boolean replay, int failures) {}

    private record Loaded(byte[] key, long cursor) {}

    /** Marked dead letters ready to send; {@code none}: no marked ones were left. */
    private record Replays(List<Delivery> ready, boolean none) {}

    private final Shared shared;
    private Webhook webhook;
    private byte @Nullable [] key;
    /** The cursor as stored; -1 until loaded. */
    private long cursor = -1;
    private final ArrayDeque<Delivery> pending = new ArrayDeque<>();
    /** The position to store once {@link #pending} is done (it may skip withheld entries). */
    private long batchEnd;
    private final ArrayDeque<Delivery> replays = new ArrayDeque<>();
    private boolean replayCheck = true;
    private @Nullable Head head;
    private boolean busy;
    private boolean again;
    private boolean stopped;
    private boolean deleted;
    private long timerId = -1;
    private @Nullable Promise<Void> quiet;

    WebhookWorker(Shared shared, Webhook webhook) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
    }

    Webhook webhook() {
        return webhook;
    }

    /** Takes a newer copy of the webhook (its URL and secret never change). */
    void update(Webhook changed) {
        if (!changed.id().equals(webhook.id())) {
            throw new IllegalArgumentException("another webhook");
        }
        webhook = changed;
    }

    /** Something may be waiting: looks now, unless the head is waiting out a backoff. */
    void wake() {
        if (stopped || timerId >= 0) {
            return;
        }
        run();
    }

    /** Dead letters may have been marked for replay: looks for them before the next new event. */
    void replayRequested() {
        replayCheck = true;
        wake();
    }

    /**
     * Stops after the attempt in flight, if any (whose 2xx is still recorded; a failure is not, so the
     * event is tried again when the webhook runs again). {@code deleted}: record nothing more at all.
     * The future completes once the worker is quiet.
     */
    Future<Void> stop(boolean deleted) {
        this.deleted |= deleted;
        stopped = true;
        if (timerId >= 0) {
            shared.vertx().cancelTimer(timerId);
            timerId = -1;
        }
        if (!busy) {
            forgetKey();
            return Future.succeededFuture();
        }
        if (quiet == null) {
            quiet = Promise.promise();
        }
        return quiet.future();
    }

    private void run() {
        if (stopped) {
            return;
        }
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        again = false;
        Future<Duration> step;
        try {
            step = step();
        } catch (RuntimeException e) {
            step = Future.failedFuture(e);
        }
        step.onComplete(done -> {
            busy = false;
            if (stopped) {
                forgetKey();
                if (quiet != null) {
                    quiet.complete();
                }
                return;
            }
            if (done.failed()) {
                storeFailed(done.cause());
            } else if (done.result() == IDLE) {
                if (again) {
                    schedule(NOW);
                }
            } else {
                schedule(done.result());
            }
        });
    }

    private void schedule(Duration wait) {
        if (wait.isZero()) {
            shared.context().runOnContext(v -> run());
            return;
        }
        timerId = shared.vertx().setTimer(Math.max(1, wait.toMillis()), id -> {
            timerId = -1;
            run();
        });
    }

    private Future<Duration> step() {
        if (key == null || cursor < 0) {
            return load();
        }
        if (replays.isEmpty() && replayCheck) {
            return readReplays();
        }
        if (!replays.isEmpty()) {
            return attempt(replays.getFirst(), true);
        }
        if (!pending.isEmpty()) {
            return attempt(pending.getFirst(), false);
        }
        return readOutbox();
    }

    private Future<Duration> load() {
        Webhook w = webhook;
        return blocking(() -> {
            byte[] k = shared.deliveries().signingKey(w);
            long c = shared.outbox().store().cursor(w.recipientId(), w.channel());
            return new Loaded(k, c);
        }).map(loaded -> {
            key = loaded.key();
            cursor = loaded.cursor();
            return NOW;
        });
    }

    /** Marked dead letters, oldest first; those gone from the outbox are dropped, withheld ones unmarked. */
    private Future<Duration> readReplays() {
        Webhook w = webhook;
        int limit = shared.settings().batchSize();
        boolean mayWrite = !deleted;
        return blocking(() -> {
            List<DeadLetter> marked = shared.store().replayRequested(w.id(), limit);
            List<Delivery> ready = new ArrayList<>(marked.size());
            Instant now = shared.clock().instant();
            for (DeadLetter letter : marked) {
                Delivery delivery = find(w.recipientId(), letter.eventId());
                if (delivery == null) {
                    if (mayWrite) {
                        shared.store().removeDeadLetter(w.id(), letter.eventId());
                    }
                    LOG.info("Webhook {}: dead letter {} is no longer in the outbox (retention); dropped", w.id(),
                            letter.eventId());
                } else if (!shared.outbox().admit(delivery, w.channel(), now)) {
                    if (mayWrite) {
                        shared.store().addDeadLetter(new DeadLetter(w.id(), letter.eventId(), letter.attempts(),
                                WITHHELD, now, false));
                    }
                } else {
                    ready.add(delivery);
                }
            }
            return new Replays(ready, marked.isEmpty());
        }).map(read -> {
            replays.addAll(read.ready());
            if (read.none()) {
                replayCheck = false;
            }
            return NOW;
        });
    }

    private @Nullable Delivery find(String recipientId, long eventId) {
        List<Delivery> found = shared.outbox().store().readAfter(recipientId, eventId - 1, 1);
        return !found.isEmpty() && found.get(0).eventId() == eventId ? found.get(0) : null;
    }

    private Future<Duration> readOutbox() {
        Webhook w = webhook;
        long from = cursor;
        int limit = shared.settings().batchSize();
        return blocking(() -> shared.outbox().next(w.recipientId(), from, limit, w.channel())).compose(batch -> {
            if (!batch.isEmpty()) {
                pending.addAll(batch.deliveries());
                batchEnd = batch.lastEventId();
                return Future.succeededFuture(NOW);
            }
            if (batch.lastEventId() > cursor) {
                return saveCursor(batch.lastEventId()).map(NOW); // everything read was withheld
            }
            return Future.succeededFuture(IDLE);
        });
    }

    private Future<Duration> attempt(Delivery delivery, boolean replay) {
        Head current = head;
        int failures = current != null && current.eventId() == delivery.eventId() && current.replay() == replay
                ? current.failures() : 0;
        head = new Head(delivery.eventId(), replay, failures);
        return shared.sender().send(webhook, Objects.requireNonNull(key, "key"), delivery)
                .compose(outcome -> settle(delivery, replay, failures + 1, outcome));
    }

    private Future<Duration> settle(Delivery delivery, boolean replay, int attempts, AttemptOutcome outcome) {
        long eventId = delivery.eventId();
        if (outcome instanceof AttemptOutcome.Delivered) {
            head = null;
            if (replay) {
                return persist(() -> shared.store().removeDeadLetter(webhook.id(), eventId)).map(v -> {
                    replays.pollFirst();
                    shared.counters().recordDelivered(true);
                    return NOW;
                });
            }
            pending.pollFirst();
            return saveCursor(positionAfter(eventId)).map(v -> {
                shared.counters().recordDelivered(false);
                return NOW;
            });
        }
        if (stopped) {
            return Future.succeededFuture(IDLE); // tried again when the webhook runs again
        }
        if (outcome instanceof AttemptOutcome.Retry retry && attempts < shared.settings().maxAttempts()) {
            head = new Head(eventId, replay, attempts);
            pending.clear(); // read again before the next attempt: the agreement is checked again then
            replays.clear();
            replayCheck |= replay;
            shared.counters().recordRetry();
            Duration wait = shared.backoff().delay(attempts, retry.retryAfter());
            LOG.debug("Webhook {}: event {} attempt {} failed ({}); next attempt in {} ms", webhook.id(), eventId,
                    attempts, retry.error(), wait.toMillis());
            return Future.succeededFuture(wait);
        }
        String error = outcome instanceof AttemptOutcome.Retry retry ? retry.error()
                : ((AttemptOutcome.Failed) outcome).error();
        head = null;
        DeadLetter letter = new DeadLetter(webhook.id(), eventId, attempts, error, shared.clock().instant(), false);
        LOG.info("Webhook {}: event {} is a dead letter after {} attempt(s) ({})", webhook.id(), eventId, attempts,
                error);
        if (replay) {
            return persist(() -> shared.store().addDeadLetter(letter)).map(v -> {
                replays.pollFirst();
                shared.counters().recordDeadLetter();
                return NOW;
            });
        }
        pending.pollFirst();
        long to = positionAfter(eventId);
        Webhook w = webhook;
        return persist(() -> {
            shared.store().addDeadLetter(letter);
            shared.outbox().store().saveCursor(w.recipientId(), w.channel(), to);
        }).map(v -> {
            cursor = Math.max(cursor, to);
            shared.counters().recordDeadLetter();
            return NOW;
        });
    }

    /** Where the cursor goes once {@code eventId} is done: past withheld entries too if the batch is done. */
    private long positionAfter(long eventId) {
        return pending.isEmpty() ? Math.max(eventId, batchEnd) : eventId;
    }

    private Future<Void> saveCursor(long to) {
        Webhook w = webhook;
        return persist(() -> shared.outbox().store().saveCursor(w.recipientId(), w.channel(), to))
                .map(v -> {
                    cursor = Math.max(cursor, to);
                    return null;
                });
    }

    private void storeFailed(Throwable error) {
        Duration wait = shared.settings().pollInterval();
        LOG.warn("Webhook {}: a store call failed ({}); trying again in {} ms", webhook.id(),
                error.getClass().getSimpleName(), wait.toMillis());
        cursor = -1;
        pending.clear();
        replays.clear();
        replayCheck = true;
        schedule(wait);
    }

    private Future<Void> persist(Runnable write) {
        if (deleted) {
            return Future.succeededFuture();
        }
        return blocking(() -> {
            write.run();
            return null;
        });
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return shared.context().executeBlocking(work, false);
    }

    private void forgetKey() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
    }
}
