package io.pactum.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One round of a fan-out measurement: when each message (by its {@code seq}) was published and
 * acknowledged to its device, when each recipient first received it, de-duplicated by the delivery's event id (a redelivery of the
 * same event is counted, not timed; the same message under a second event id would mean it was
 * released twice and is a problem). Complete once every recipient received every message.
 */
final class FanOutRound {
    private final long firstSeq;
    private final int count;
    private final AtomicLongArray sentAt;
    private final AtomicLongArray ackedAt;
    private final AtomicLongArray[] receivedAt;
    private final Set<Long>[] eventIds;
    /** Distinct messages received, all recipients together; the target is recipients × messages. */
    final Completion delivered;
    final AtomicLong redeliveries = new AtomicLong();
    final AtomicLong releasedTwice = new AtomicLong();
    final AtomicLong strays = new AtomicLong();

    @SuppressWarnings("unchecked")
    FanOutRound(int recipients, long firstSeq, int count) {
        this.firstSeq = firstSeq;
        this.count = count;
        this.sentAt = new AtomicLongArray(count);
        this.ackedAt = new AtomicLongArray(count);
        this.receivedAt = new AtomicLongArray[recipients];
        this.eventIds = new Set[recipients];
        for (int r = 0; r < recipients; r++) {
            receivedAt[r] = new AtomicLongArray(count);
            eventIds[r] = ConcurrentHashMap.newKeySet(count * 2);
        }
        this.delivered = new Completion((long) recipients * count);
    }

    /** On a publisher's event loop. */
    void sent(long seq, long nanoTime) {
        sentAt.set((int) (seq - firstSeq), nanoTime);
    }

    /** On a publisher's event loop. */
    void acknowledged(long seq, long nanoTime) {
        ackedAt.set((int) (seq - firstSeq), nanoTime);
    }

    /** On a recipient's event loop; {@code eventId} is the hub's, or {@code seq} where there is none. */
    void received(int recipient, long eventId, long seq, long nanoTime) {
        long index = seq - firstSeq;
        if (index < 0 || index >= count) {
            strays.incrementAndGet(); // e.g. a late redelivery from an earlier round
            return;
        }
        if (!eventIds[recipient].add(eventId)) {
            redeliveries.incrementAndGet();
            return;
        }
        if (receivedAt[recipient].compareAndSet((int) index, 0, nanoTime)) {
            delivered.add(1);
        } else {
            releasedTwice.incrementAndGet();
        }
    }

    int recipients() {
        return receivedAt.length;
    }

    /** Publish to receipt at {@code recipient}, over the messages it received. */
    Percentiles latency(int recipient) {
        long[] values = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            long received = receivedAt[recipient].get(i);
            if (received != 0) {
                values[n++] = received - sentAt.get(i);
            }
        }
        return Percentiles.of(values, n);
    }

    /** Publish to PUBACK, over the messages acknowledged. */
    Percentiles latencyToAck() {
        long[] values = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            long acked = ackedAt.get(i);
            if (acked != 0) {
                values[n++] = acked - sentAt.get(i);
            }
        }
        return Percentiles.of(values, n);
    }

    /** Publish to receipt at the last of the recipients, over the messages every recipient received. */
    Percentiles latencyToAll() {
        return latencyToAll(0, count);
    }

    /** As {@link #latencyToAll()}, over the messages {@code from} (inclusive) to {@code to} of the round. */
    Percentiles latencyToAll(int from, int to) {
        long[] values = new long[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            long last = 0;
            boolean everyone = true;
            for (AtomicLongArray r : receivedAt) {
                long received = r.get(i);
                everyone &= received != 0;
                last = Math.max(last, received);
            }
            if (everyone) {
                values[n++] = last - sentAt.get(i);
            }
        }
        return Percentiles.of(values, n);
    }
}
