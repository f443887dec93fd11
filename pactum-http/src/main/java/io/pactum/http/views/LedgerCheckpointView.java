package io.pactum.http.views;

import io.pactum.core.ledger.StoredCheckpoint;
import java.time.Instant;

/** A signed checkpoint of the audit ledger: the tree size it covers, when it was signed, and the signed note text. */
public record LedgerCheckpointView(long size, Instant time, String note) {
    public static LedgerCheckpointView of(StoredCheckpoint checkpoint) {
        return new LedgerCheckpointView(checkpoint.size(), checkpoint.time(), checkpoint.note());
    }
}
