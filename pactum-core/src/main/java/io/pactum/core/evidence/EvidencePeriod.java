package io.pactum.core.evidence;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The period evidence is exported for: {@code from} inclusive, {@code to} exclusive, {@code from} before {@code to}. */
public record EvidencePeriod(Instant from, Instant to) {
    public EvidencePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from", "the period must start before it ends: from " + from
                    + " is not before to " + to);
        }
    }

    /** Whether {@code time} falls within the period. */
    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    /** Whether the interval from {@code start} (inclusive) to {@code end} (exclusive; null: open-ended) meets the period. */
    public boolean overlaps(Instant start, @Nullable Instant end) {
        return start.isBefore(to) && (end == null || end.isAfter(from));
    }
}
