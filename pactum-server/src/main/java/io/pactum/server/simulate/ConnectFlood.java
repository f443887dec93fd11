package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;

/**
 * One device id connecting over and over, each time a fresh client that connects and leaves (a
 * crashed reconnect loop, or a stolen credential used as a probe): the {@code connection-flood}
 * behaviour (more than 10 attempts in 10 s) quarantines it. It gives up after three refusals in
 * a row, as a client with any backoff would.
 */
public final class ConnectFlood extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(60, Duration.ofSeconds(10));
    private static final int GIVE_UP_AFTER_REFUSALS = 3;

    private final SimDevice device;

    public ConnectFlood(LoopbackTarget target, AttackBounds bounds, SimDevice device) {
        super(target, bounds);
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public String name() {
        return "CONNECT flood";
    }

    @Override
    public String detector() {
        return "connection-flood";
    }

    @Override
    public String subject() {
        return device.id();
    }

    @Override
    void script(Vertx vertx, AttackTally tally) {
        tally.markStarted();
        int refusedInRow = 0;
        while (tally.more() && refusedInRow < GIVE_UP_AFTER_REFUSALS) {
            try (DeviceLink link = DeviceLink.device(vertx, target, device, null)) {
                tally.sent();
                if (link.connect()) {
                    tally.accepted();
                    refusedInRow = 0;
                } else {
                    tally.refused();
                    refusedInRow++;
                }
            }
        }
    }
}
