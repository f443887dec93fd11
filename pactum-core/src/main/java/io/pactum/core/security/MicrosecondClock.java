package io.pactum.core.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The system clock at microsecond precision, the precision both databases keep, so that what
 * is stored equals what was returned. Not {@code Clock.tick(systemUTC(), 1 µs)}: the JDK's tick clock
 * divides by zero in {@code millis()} for ticks below a millisecond.
 */
public final class MicrosecondClock extends Clock {
    public static final MicrosecondClock UTC = new MicrosecondClock(ZoneOffset.UTC);

    private final ZoneId zone;

    private MicrosecondClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new MicrosecondClock(other);
    }

    @Override
    public Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
