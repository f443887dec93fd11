package io.pactum.http.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How long to wait before the next attempt: {@code base * 2^(failures - 1)}, capped, of which the
 * upper half is random ("equal jitter"), so endpoints coming back are not hit by every waiting
 * event at the same instant. A receiver's {@code Retry-After} is respected: the wait is never
 * shorter than it asks (nor than the computed one, so it cannot burn the attempts at once), and
 * never longer than the cap.
 */
final class Backoff {
    private final long baseMillis;
    private final long capMillis;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wait after {@code failures} failed attempts (at least 1) at the same event. */
    Duration delay(int failures, @Nullable Duration retryAfter) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be positive");
        }
        long full = baseMillis;
        for (int i = 1; i < failures && full < capMillis; i++) {
            full *= 2;
        }
        full = Math.min(full, capMillis);
        long half = full / 2;
        long computed = full - half + (long) (random.getAsDouble() * half);
        if (retryAfter != null) {
            long asked = retryAfter.isNegative() ? 0
                    : retryAfter.compareTo(Duration.ofMillis(capMillis)) > 0 ? capMillis : retryAfter.toMillis();
            return Duration.ofMillis(Math.min(Math.max(asked, computed), capMillis));
        }
        return Duration.ofMillis(computed);
    }
}
