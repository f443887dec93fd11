package io.pactum.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.server.simulate.Delivered;
import io.pactum.server.simulate.PartnerFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What one partner received: distinct deliveries (a redelivery, at least once, is not counted twice),
 * the first one as a sample of its view, and — for the clinic — what became of the withdrawing
 * patient's records (see {@link Withdrawal}).
 *
 * <p>The withdrawal counts from when the consent API answered: a record measured between the hub's
 * commit and that answer counts as before, so the claim "none after" is, if anything, the stricter.
 */
final class DeliveryTally implements PartnerFeed.Listener {
    /** Frames already on their way when the withdrawal took effect may still arrive within this. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(1);

    private final String partner;
    private final @Nullable String watchedSubjectPseudonym;
    private final AtomicReference<@Nullable JsonNode> sample = new AtomicReference<>();
    private volatile @Nullable Instant withdrawnAt;
    /** Events arrive in eventId order on one session; anything at or below the last is a redelivery. */
    private long lastEventId;
    private long delivered;
    private long watchedBefore;
    private long watchedAfter;
    private long watchedLate;
    private long othersAfter;

    /** {@code watchedSubjectPseudonym}: the partner's pseudonym of the withdrawing patient, or null. */
    DeliveryTally(String partner, @Nullable String watchedSubjectPseudonym) {
        this.partner = Objects.requireNonNull(partner, "partner");
        this.watchedSubjectPseudonym = watchedSubjectPseudonym;
    }

    @Override
    public synchronized void delivered(Delivered record, JsonNode event) {
        if (record.eventId() <= lastEventId) {
            return;
        }
        lastEventId = record.eventId();
        delivered++;
        sample.compareAndSet(null, event);
        Instant withdrawal = withdrawnAt;
        boolean watched = watchedSubjectPseudonym != null && watchedSubjectPseudonym.equals(record.subjectPseudonym());
        boolean measuredAfter = withdrawal != null && !record.recordTime().isBefore(withdrawal);
        if (watched) {
            if (measuredAfter) {
                watchedAfter++;
            } else {
                watchedBefore++;
            }
            if (withdrawal != null && record.arrivedAt().isAfter(withdrawal.plus(IN_FLIGHT_GRACE))) {
                watchedLate++;
            }
        } else if (measuredAfter) {
            othersAfter++;
        }
    }

    /** The withdrawal took effect (the API answered) at {@code at}. */
    void withdrawn(Instant at) {
        withdrawnAt = at;
    }

    String partner() {
        return partner;
    }

    synchronized long delivered() {
        return delivered;
    }

    /** The watched patient's records, as of now; {@code at} is when the withdrawal took effect into the run. */
    synchronized Withdrawal withdrawal(String patient, @Nullable Duration at) {
        return new Withdrawal(patient, at, watchedBefore, watchedAfter, watchedLate, othersAfter);
    }

    /** Whether some of the watched patient's records arrived (the withdrawal waits for that). */
    synchronized boolean watchedArrived() {
        return watchedBefore > 0;
    }

    /** The first delivery received, as the partner saw it; null before any. */
    @Nullable JsonNode sample() {
        return sample.get();
    }
}
