package io.pactum.http.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.StoredCheckpoint;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The audit ledger now: its origin (the checkpoint key's name), the number of entries and the
 * Merkle root over them (base64), the verifier key that checks its checkpoints and proofs, and the
 * latest signed checkpoint ({@code null} before the first).
 */
public record LedgerHeadView(String origin, long size, String rootHash, String verifierKey,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable LedgerCheckpointView latestCheckpoint) {
    public static LedgerHeadView of(String origin, Ledger.TreeHead head, String verifierKey,
            Optional<StoredCheckpoint> latest) {
        return new LedgerHeadView(origin, head.size(), head.rootHash().base64(), verifierKey,
                latest.map(LedgerCheckpointView::of).orElse(null));
    }
}
