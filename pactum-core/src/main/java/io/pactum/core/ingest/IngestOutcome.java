package io.pactum.core.ingest;

import java.util.Objects;

/** What became of a message: stored, recognised as a retransmission of a stored one, or rejected. */
public sealed interface IngestOutcome {
    /** Stored as the given record; the adapter may acknowledge the message. */
    record Accepted(CanonicalRecord record) implements IngestOutcome {
        public Accepted {
            Objects.requireNonNull(record, "record");
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
