package io.pactum.core.ledger.subject;

import java.time.Instant;
import java.util.Objects;

/**
 * One release of a data subject's data, as the ledger recorded it: when, to whom, under which
 * agreement and purpose, which fields, and the ledger entry that proves it.
 */
public record Disclosure(long entryIndex, Instant time, String recipientId, String agreementId, String purpose,
        String fields) {
    public Disclosure {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(fields, "fields");
    }
}
