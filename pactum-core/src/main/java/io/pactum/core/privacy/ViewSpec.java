package io.pactum.core.privacy;

import io.pactum.core.error.InvalidInputException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one recipient may see of a record, compiled from its agreement: the fields in scope with
 * their transforms (every other field is removed), and the resolution to which the record's time is
 * truncated ({@code null}: the time as measured, to the microsecond).
 *
 * <p>Supported resolutions: {@code NANOS} to {@code DAYS} (as {@link java.time.Instant#truncatedTo}),
 * and {@code WEEKS} (to Monday 00:00 UTC, ISO weeks), {@code MONTHS}, {@code YEARS} (to the first
 * day, UTC).
 */
public record ViewSpec(String recipientId, Map<String, FieldTransform> fields, @Nullable ChronoUnit timeResolution) {

    public ViewSpec {
        Objects.requireNonNull(recipientId, "recipientId");
        if (recipientId.isEmpty()) {
            throw new InvalidInputException("recipientId", "must not be empty");
        }
        fields = Map.copyOf(fields);
        if (timeResolution != null && !isSupported(timeResolution)) {
            throw new InvalidInputException("timeResolution", "time can be truncated to units from nanos to years, not "
                    + timeResolution.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static boolean isSupported(ChronoUnit unit) {
        return switch (unit) {
            case NANOS, MICROS, MILLIS, SECONDS, MINUTES, HOURS, HALF_DAYS, DAYS, WEEKS, MONTHS, YEARS -> true;
            default -> false;
        };
    }
}
