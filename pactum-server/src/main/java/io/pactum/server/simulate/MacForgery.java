package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * A device login used with protected messages whose tag does not verify: the attacker has the
 * device's secret but not its MAC key, so it seals with a key of its own. Each is an
 * INTEGRITY_FAILURE; the {@code integrity-failure-burst} behaviour (more than 5 in 60 s)
 * quarantines the device.
 */
public final class MacForgery extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(40, Duration.ofSeconds(10));
    private static final int WINDOW = 10;

    private final SimDevice device;
    private final MessageSealer sealer;

    public MacForgery(LoopbackTarget target, AttackBounds bounds, SimDevice device, MessageSealer sealer) {
        super(target, bounds);
        this.device = Objects.requireNonNull(device, "device");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    @Override
    public String name() {
        return "MAC forgery";
    }

    @Override
    public String detector() {
        return "integrity-failure-burst";
    }

    @Override
    public String subject() {
        return device.id();
    }

    @Override
    void script(Vertx vertx, AttackTally tally) {
        byte[] guessedKey = new byte[device.macKey().length];
        new SecureRandom().nextBytes(guessedKey);
        long firstCounter = Counters.fresh();
        Readings readings = new Readings(device.id().hashCode());
        try (DeviceLink link = DeviceLink.device(vertx, target, device, null)) {
            if (!link.connect()) {
                tally.refused();
                return;
            }
            tally.markStarted();
            DevicePublishing.publish(link, device.telemetryTopic(), tally, WINDOW, 0,
                    i -> sealer.mac0(device.id(), guessedKey, firstCounter + i, Readings.json(readings.normal(i))));
            DevicePublishing.retryAfterCutOff(link, tally, 2);
        }
    }
}
