package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;

/**
 * A device with valid credentials publishing far faster than any telemetry rate: the
 * {@code message-flood} behaviour (more than 200 messages in 10 s) quarantines it.
 */
public final class TelemetryFlood extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(3_000, Duration.ofSeconds(10));
    private static final int WINDOW = 100;

    private final SimDevice device;

    public TelemetryFlood(LoopbackTarget target, AttackBounds bounds, SimDevice device) {
        super(target, bounds);
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public String name() {
        return "telemetry flood";
    }

    @Override
    public String detector() {
        return "message-flood";
    }

    @Override
    public String subject() {
        return device.id();
    }

    @Override
    void script(Vertx vertx, AttackTally tally) {
        try (DeviceLink link = DeviceLink.device(vertx, target, device, null)) {
            if (!link.connect()) {
                tally.refused();
                return;
            }
            tally.markStarted();
            Readings readings = new Readings(device.id().hashCode());
            DevicePublishing.publish(link, device.telemetryTopic(), tally, WINDOW, 0,
                    i -> Readings.json(readings.normal(i)));
            DevicePublishing.retryAfterCutOff(link, tally, 2);
        }
    }
}
