package io.pactum.server.simulate;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * A device login used with protected messages whose tag does not verify: the attacker has the
 * device's secret but not its MAC key, so it seals with a key of its own. Each is an
 * INTEGRITY_FAILURE; the {@code integrity-failure-burst} behaviour (more than 5 in 60 s)
 * quarantines the device.
 */
public final class MacForgery extends DeviceAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(40, Duration.ofSeconds(10));
    private static final int WINDOW = 10;

    private final MessageSealer sealer;

    public MacForgery(LoopbackTarget target, AttackBounds bounds, SimDevice device, MessageSealer sealer) {
        super(target, bounds, "MAC forgery", "integrity-failure-burst", device);
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    @Override
    void attack(DeviceLink link, AttackTally tally) {
        byte[] guessedKey = new byte[device.macKey().length];
        new SecureRandom().nextBytes(guessedKey);
        long firstCounter = Counters.fresh();
        Readings readings = new Readings(device.id().hashCode());
        tally.markStarted();
        DevicePublishing.publish(link, device.telemetryTopic(), tally, WINDOW, 0,
                i -> sealer.mac0(device.id(), guessedKey, firstCounter + i, Readings.json(readings.normal(i))));
    }
}
