package io.pactum.core.ingest;

import java.util.List;
import java.util.Objects;

/** What became of a message: stored, recognised as a retransmission of a stored one, or rejected. */
public sealed interface IngestOutcome {
    /** Stored as the given records, one per measurement time; the adapter may acknowledge the message. */
    record Accepted(List<CanonicalRecord> records) implements IngestOutcome {
        public Accepted {
            records = List.copyOf(records);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("an accepted message yields at least one record");
            }
        }
    }

    /**
     * A retransmission (marked so by the transport) of a message the hub already stored, after an
     * acknowledgement was lost: acknowledge it again, store nothing. An unmarked repeat is a replay.
     */
    record Duplicate(long counter) implements IngestOutcome {}

    /** Not stored, for the given reason; {@code detail} is safe to send back to the device. */
    record Rejected(RejectReason reason, String detail) implements IngestOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
