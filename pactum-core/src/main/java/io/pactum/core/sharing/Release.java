package io.pactum.core.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one agreement for one record: to whom, under which agreement and purpose, which fields
 * of the record with which transforms, the record time at the agreement's resolution, and the decision.
 * A denied outcome carries no fields. Fields the agreement maps to {@code DROP} are left out: they never
 * leave. The device and subject ids are not part of it; what the recipient sees of them is for the
 * delivery and the privacy transforms to decide.
 */
public record Release(String recipientId, String agreementId, Purpose purpose, String recordId, Instant time,
        List<ReleasedField> fields, Decision decision) {
    public Release {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(time, "time");
        fields = List.copyOf(fields);
        Objects.requireNonNull(decision, "decision");
        if (!decision.allowed() && !fields.isEmpty()) {
            throw new IllegalArgumentException("a denied release carries no fields");
        }
    }

    public boolean allowed() {
        return decision.allowed();
    }
}
