package io.pactum.http;

import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import java.util.Objects;

/**
 * What the API offers about the audit ledger: its tree head, entries, signed checkpoints, and
 * inclusion and consistency proofs, all for the operator. Without it, {@link ApiRouter} serves none
 * of these routes.
 */
public record LedgerServices(Ledger ledger, LedgerCheckpoints checkpoints) {
    public LedgerServices {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(checkpoints, "checkpoints");
    }
}
