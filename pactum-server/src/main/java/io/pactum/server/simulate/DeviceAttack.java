package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * What the attacks of one device over one connection share: the device connects with its own
 * login (a refused CONNECT ends the attack before it started), attacks, and, once the hub cut it
 * off, tries to reconnect a couple of times.
 */
abstract class DeviceAttack extends ScriptedAttack {
    protected final SimDevice device;
    private final String name;
    private final String detector;

    DeviceAttack(LoopbackTarget target, AttackBounds bounds, String name, String detector, SimDevice device) {
        super(target, bounds);
        this.name = Objects.requireNonNull(name, "name");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.device = Objects.requireNonNull(device, "device");
    }

    /**
     * The attack on the connected link: prepares if it needs to, then calls
     * {@link AttackTally#markStarted()} when its hostile part begins.
     */
    abstract void attack(DeviceLink link, AttackTally tally);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String detector() {
        return detector;
    }

    @Override
    public final String subject() {
        return device.id();
    }

    @Override
    final void script(Vertx vertx, AttackTally tally) {
        try (DeviceLink link = DeviceLink.device(vertx, target, device, null)) {
            if (!link.connect()) {
                tally.refused();
                return;
            }
            attack(link, tally);
            DevicePublishing.retryAfterCutOff(link, tally, 2);
        }
    }
}
