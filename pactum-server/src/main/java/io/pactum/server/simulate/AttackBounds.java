package io.pactum.server.simulate;

import java.time.Duration;
import java.util.Objects;

/**
 * How far an attack may go: at most {@code maxCount} messages or attempts, and at most
 * {@code maxDuration} of wall time; whichever comes first stops it.
 */
public record AttackBounds(int maxCount, Duration maxDuration) {
    /** Generous for any scripted attack, small enough that a mistake cannot run away. */
    static final int COUNT_CEILING = 100_000;
    static final Duration DURATION_CEILING = Duration.ofMinutes(10);

    public AttackBounds {
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxCount < 1 || maxCount > COUNT_CEILING) {
            throw new IllegalArgumentException("maxCount must be from 1 to " + COUNT_CEILING + ", not " + maxCount);
        }
        if (maxDuration.isNegative() || maxDuration.isZero() || maxDuration.compareTo(DURATION_CEILING) > 0) {
            throw new IllegalArgumentException("maxDuration must be positive and at most " + DURATION_CEILING
                    + ", not " + maxDuration);
        }
    }

    public static AttackBounds of(int maxCount, Duration maxDuration) {
        return new AttackBounds(maxCount, maxDuration);
    }
}
