package io.pactum.core.incident;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents to list: optionally only of one status, of one severity, or detected at or after
 * {@code since}; newest first (by detection time, then id), skipping {@code offset} and returning at most {@code limit}.
 */
public record IncidentQuery(@Nullable IncidentStatus status, @Nullable Severity severity, @Nullable Instant since,
        int offset, int limit) {
    public static final int MAX_LIMIT = 500;

    public IncidentQuery {
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first {@code limit} incidents, unfiltered. */
    public static IncidentQuery first(int limit) {
        return new IncidentQuery(null, null, null, 0, limit);
    }
}
