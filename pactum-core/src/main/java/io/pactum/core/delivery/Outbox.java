package io.pactum.core.delivery;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.sharing.Decision;
import io.pactum.core.sharing.PolicyDecisionPoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every delivery channel reads from: the recipients' outboxes, re-checked at the moment of
 * delivery. An entry whose agreement was revoked, suspended or expired, or whose data subject
 * withdrew consent, since it was released is withheld (audited, never sent), so such a change
 * also stops what is still waiting. Channels register here to be woken when an outbox grows.
 */
public final class Outbox implements OutboxListener {
    /** The largest batch a channel may read at once. */
    public static final int MAX_BATCH = 1_000;

    private final OutboxStore store;
    private final PolicyDecisionPoint decisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final HeldDevices held;
    private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Deliveries to send, and the last event id read: a channel moves its position to
     * {@code lastEventId} once it has sent {@code deliveries}, including past withheld entries.
     * {@code lastEventId} equals the requested position when nothing new was found.
     */
    public record Batch(List<Delivery> deliveries, long lastEventId) {
        public Batch {
            deliveries = List.copyOf(deliveries);
        }

        public boolean isEmpty() {
            return deliveries.isEmpty();
        }
    }

    public Outbox(OutboxStore store, PolicyDecisionPoint decisions, AuditTrail audit, Clock clock) {
        this(store, decisions, audit, clock, HeldDevices.NONE);
    }

    /** As above, also withholding what {@code held} devices sent. */
    public Outbox(OutboxStore store, PolicyDecisionPoint decisions, AuditTrail audit, Clock clock, HeldDevices held) {
        this.held = Objects.requireNonNull(held, "held");
        this.store = Objects.requireNonNull(store, "store");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public OutboxStore store() {
        return store;
    }

    /** The next entries after {@code afterEventId} that may still go to the recipient over {@code channel}. */
    public Batch next(String recipientId, long afterEventId, int limit, String channel) {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_BATCH);
        }
        List<Delivery> read = store.readAfter(recipientId, afterEventId, limit);
        if (read.isEmpty()) {
            return new Batch(List.of(), afterEventId);
        }
        Instant now = clock.instant();
        List<Delivery> admitted = new ArrayList<>(read.size());
        for (Delivery delivery : read) {
            if (admit(delivery, channel, now)) {
                admitted.add(delivery);
            }
        }
        return new Batch(admitted, read.get(read.size() - 1).eventId());
    }

    /** Whether one stored delivery may still go out now; audits it if not. */
    public boolean admit(Delivery delivery, String channel, Instant now) {
        OutboxEntry entry = delivery.entry();
        if (entry.deviceId() != null && held.holds(entry.deviceId())) {
            withheld(delivery, channel, now, "DEVICE_HELD",
                    "device " + entry.deviceId() + " is quarantined or revoked");
            return false;
        }
        Decision decision = decisions.recheck(entry.agreementId(), entry.subjectId(), now);
        if (decision.allowed()) {
            return true;
        }
        withheld(delivery, channel, now, decision.reason().name(), decision.explanation());
        return false;
    }

    private void withheld(Delivery delivery, String channel, Instant now, String reason, String explanation) {
        OutboxEntry entry = delivery.entry();
        audit.append(new AuditEvent(AuditEventType.DELIVERY_WITHHELD, now, AuditEvent.HUB, Map.of(
                "recipientId", entry.recipientId(),
                "agreementId", entry.agreementId(),
                "eventId", Long.toString(delivery.eventId()),
                "channel", channel,
                "reason", reason,
                "explanation", explanation)));
    }

    /** Wakes {@code listener} whenever outboxes grow. */
    public void addListener(OutboxListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(OutboxListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void appended(Set<String> recipientIds) {
        for (OutboxListener listener : listeners) {
            listener.appended(recipientIds);
        }
    }
}
