package io.pactum.server.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the demo runs, how many devices of each product it simulates, how often each device
 * sends, and whether the attack comes. Withdrawal and attack are placed in the run: a quarter in (at
 * most 30 s) one patient withdraws consent, half-way (at most a minute) the attack starts.
 */
public record DemoSettings(Duration duration, int devicesPerProduct, double messagesPerSecond, boolean attack) {
    public static final Duration MIN_DURATION = Duration.ofSeconds(20);
    public static final Duration MAX_DURATION = Duration.ofHours(2);
    public static final int MAX_DEVICES = 200;
    /** A device sends at most every 100 ms (the fleet's shortest interval). */
    public static final double MAX_RATE = 10;
    public static final double MIN_RATE = 0.05;
    /** All devices together: a demo, not a load test (pactum-bench measures throughput). */
    public static final double MAX_TOTAL_RATE = 1_500;
    private static final Duration LATEST_WITHDRAWAL = Duration.ofSeconds(30);
    private static final Duration LATEST_ATTACK = Duration.ofMinutes(1);

    public DemoSettings {
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be from " + MIN_DURATION.toSeconds() + " s to "
                    + MAX_DURATION.toHours() + " h, not " + Durations.format(duration));
        }
        if (devicesPerProduct < 2 || devicesPerProduct > MAX_DEVICES) {
            // two: the withdrawing patient and one who does not; the attacked toy comes on top
            throw new IllegalArgumentException("--devices must be from 2 to " + MAX_DEVICES + " per product, not "
                    + devicesPerProduct);
        }
        if (!(messagesPerSecond >= MIN_RATE && messagesPerSecond <= MAX_RATE)) {
            throw new IllegalArgumentException("--rate must be from 0.05 to 10 messages per second per device, not "
                    + messagesPerSecond);
        }
        if (3 * devicesPerProduct * messagesPerSecond > MAX_TOTAL_RATE) {
            throw new IllegalArgumentException("--devices " + devicesPerProduct + " per product at --rate "
                    + messagesPerSecond + " would send " + Math.round(3 * devicesPerProduct * messagesPerSecond)
                    + " messages a second; the demo allows at most 1500 (for load, see pactum-bench)");
        }
    }

    /** When the first patient withdraws consent from the clinic, from the start of the run. */
    public Duration withdrawalAt() {
        return min(duration.dividedBy(4), LATEST_WITHDRAWAL);
    }

    /** When the attack starts, from the start of the run. */
    public Duration attackAt() {
        return min(duration.dividedBy(2), LATEST_ATTACK);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
