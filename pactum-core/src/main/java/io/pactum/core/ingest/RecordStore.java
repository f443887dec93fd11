package io.pactum.core.ingest;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.integrity.ReplayWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Persistence of accepted records and of each device's replay window. A record and the window
 * that admitted it are stored in one transaction, so that after a crash the hub neither lost an
 * acknowledged record nor forgot a counter it accepted.
 */
public interface RecordStore {
    /**
     * What one accepted message adds: its records (one per measurement time), the advanced window if
     * protected, and the outbox entries that release its records to recipients. All of it is
     * committed together, so a record is never stored without its deliveries or the reverse.
     */
    record Append(List<CanonicalRecord> records, @Nullable ReplayWindow window, List<OutboxEntry> deliveries,
            List<AuditEvent> audit) {
        public Append {
            records = List.copyOf(records);
            deliveries = List.copyOf(deliveries);
            audit = List.copyOf(audit);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("a message yields at least one record");
            }
            String deviceId = records.get(0).deviceId();
            if (records.stream().anyMatch(r -> !r.deviceId().equals(deviceId))) {
                throw new IllegalArgumentException("the records of one message belong to one device");
            }
        }

        public Append(List<CanonicalRecord> records, @Nullable ReplayWindow window) {
            this(records, window, List.of(), List.of());
        }

        public Append(List<CanonicalRecord> records, @Nullable ReplayWindow window, List<OutboxEntry> deliveries) {
            this(records, window, deliveries, List.of());
        }

        public String deviceId() {
            return records.get(0).deviceId();
        }
    }

    /**
     * Stores several messages' records and windows in one transaction: all or nothing; returns
     * only once all are durable. Appends of one device are applied in the given order.
     */
    void appendAll(List<Append> appends);

    /**
     * Stores the records of one message and, for a protected message, the device's advanced
     * replay window, atomically; returns only once all are durable.
     */
    default void append(List<CanonicalRecord> records, @Nullable ReplayWindow window) {
        appendAll(List.of(new Append(records, window)));
    }

    /** Stores one record, as {@link #append(List, ReplayWindow)}. */
    default void append(CanonicalRecord record, @Nullable ReplayWindow window) {
        append(List.of(record), window);
    }

    /** The device's replay window, or {@link ReplayWindow#EMPTY} if it never sent a protected message. */
    ReplayWindow replayWindow(String deviceId);

    /** Stores an advanced window without a record: for authentic messages that were rejected. */
    void saveReplayWindow(String deviceId, ReplayWindow window);

    Optional<CanonicalRecord> find(String recordId);

    /** The device's records measured in {@code [from, to)}, oldest first, at most {@code limit}. */
    List<CanonicalRecord> listByDevice(String deviceId, Instant from, Instant to, int limit);

    /** Deletes the product's records received before {@code cutoff}; returns how many. */
    int deleteReceivedBefore(String productId, Instant cutoff);
}
