package io.pactum.core.ledger;

import java.time.Instant;
import java.util.Objects;

/** A signed checkpoint as kept: the tree size it covers, when it was made, and the signed note text. */
public record StoredCheckpoint(long size, Instant time, String note) {
    public StoredCheckpoint {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(note, "note");
    }
}
