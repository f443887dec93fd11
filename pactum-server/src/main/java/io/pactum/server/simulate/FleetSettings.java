package io.pactum.server.simulate;

import java.time.Duration;
import java.util.Objects;

/**
 * How a benign fleet behaves: each device publishes every {@code minInterval}–{@code maxInterval}
 * (uniformly jittered), after each publication reconnects with probability {@code reconnectChance},
 * and first connects at a random moment within {@code rampUp} (so a fleet does not log in all at once).
 */
public record FleetSettings(Duration minInterval, Duration maxInterval, double reconnectChance, Duration rampUp) {
    /** A message every 1–2 s; a reconnect every five minutes or so per device; logins over 20 s. */
    public static final FleetSettings DEFAULTS = new FleetSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
            1.0 / 200, Duration.ofSeconds(20));

    public FleetSettings {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(rampUp, "rampUp");
        if (minInterval.toMillis() < 100 || maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("intervals must be at least 100 ms and max at least min");
        }
        if (!(reconnectChance >= 0 && reconnectChance <= 0.1)) {
            throw new IllegalArgumentException("reconnectChance must be from 0 to 0.1: a benign device "
                    + "reconnects now and then, not constantly");
        }
        if (rampUp.isNegative()) {
            throw new IllegalArgumentException("rampUp must not be negative");
        }
    }

    public FleetSettings withIntervals(Duration min, Duration max) {
        return new FleetSettings(min, max, reconnectChance, rampUp);
    }

    public FleetSettings withRampUp(Duration newRampUp) {
        return new FleetSettings(minInterval, maxInterval, reconnectChance, newRampUp);
    }
}
