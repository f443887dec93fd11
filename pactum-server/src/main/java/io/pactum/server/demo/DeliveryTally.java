package io.pactum.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.server.simulate.Delivered;
import io.pactum.server.simulate.PartnerFeed;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What one partner received: distinct deliveries (a redelivery at least once is not counted twice),
 * the first one as a sample of its view, and — for the clinic — how many records of the withdrawing
 * patient were measured before and after the withdrawal took effect.
 */
final class DeliveryTally implements PartnerFeed.Listener {
    private final String partner;
    private final @Nullable String watchedSubjectPseudonym;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong watchedBefore = new AtomicLong();
    private final AtomicLong watchedAfter = new AtomicLong();
    private final AtomicReference<@Nullable JsonNode> sample = new AtomicReference<>();
    private volatile @Nullable Instant withdrawnAt;
    /** Events arrive in eventId order on one channel; anything at or below the last is a redelivery. */
    private long lastEventId;

    /** {@code watchedSubjectPseudonym}: the partner's pseudonym of the withdrawing patient, or null. */
    DeliveryTally(String partner, @Nullable String watchedSubjectPseudonym) {
        this.partner = Objects.requireNonNull(partner, "partner");
        this.watchedSubjectPseudonym = watchedSubjectPseudonym;
    }

    @Override
    public synchronized void delivered(Delivered delivered, JsonNode event) {
        if (delivered.eventId() <= lastEventId) {
            return;
        }
        lastEventId = delivered.eventId();
        this.delivered.incrementAndGet();
        sample.compareAndSet(null, event);
        if (watchedSubjectPseudonym != null && watchedSubjectPseudonym.equals(delivered.subjectPseudonym())) {
            Instant withdrawal = withdrawnAt;
            if (withdrawal == null || delivered.recordTime().isBefore(withdrawal)) {
                watchedBefore.incrementAndGet();
            } else {
                watchedAfter.incrementAndGet();
            }
        }
    }

    /** The withdrawal took effect (the API answered) at {@code at}: records measured from then on count as after. */
    void withdrawn(Instant at) {
        withdrawnAt = at;
    }

    String partner() {
        return partner;
    }

    long delivered() {
        return delivered.get();
    }

    long watchedBefore() {
        return watchedBefore.get();
    }

    long watchedAfter() {
        return watchedAfter.get();
    }

    /** The first delivery received, as the partner saw it; null before any. */
    @Nullable JsonNode sample() {
        return sample.get();
    }
}
