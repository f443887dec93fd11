package io.pactum.core.incident.breach;

import io.pactum.core.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The time span a breach assessment looks at: {@code from} inclusive, {@code to} exclusive, at most
 * {@link #MAX_LENGTH} long, so that one assessment reads a bounded part of the hub's history.
 */
public record BreachWindow(Instant from, Instant to) {
    /** A year and a day: longer than any breach window that makes sense, short enough to bound the work. */
    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    public BreachWindow(@Nullable Instant from, @Nullable Instant to) {
        if (from == null) {
            throw new InvalidInputException("from", "the window needs a start (from)");
        }
        if (to == null) {
            throw new InvalidInputException("to", "the window needs an end (to)");
        }
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from", "the window's start (" + from + ") must be before its end ("
                    + to + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidInputException("to", "the window is longer than " + MAX_LENGTH.toDays()
                    + " days; assess a longer breach in several windows");
        }
        this.from = from;
        this.to = to;
    }

    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }
}
