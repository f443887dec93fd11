package io.pactum.core.ingest;

import io.pactum.core.delivery.OutboxEntry;
import java.util.List;

/**
 * What the ingest pipeline asks of sharing for every accepted message: which outbox entries release
 * its records and the audit events of those decisions (both stored in the same transaction as the
 * records), and, once they are durable, that they were stored.
 */
public interface RecordSharing {
    /** Sharing switched off: nothing is released. */
    RecordSharing NONE = new RecordSharing() {
        @Override
        public SharingPlan plan(List<CanonicalRecord> records) {
            return SharingPlan.NOTHING;
        }

        @Override
        public void stored(List<OutboxEntry> entries) {}
    };

    /** The entries that release these records of one message, decided and transformed now, and their audit events. */
    SharingPlan plan(List<CanonicalRecord> records);

    /** The entries are durable: wake the channels of their recipients. */
    void stored(List<OutboxEntry> entries);
}
