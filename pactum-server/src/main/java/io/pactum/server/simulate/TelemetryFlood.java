package io.pactum.server.simulate;

import java.time.Duration;

/**
 * A device with valid credentials publishing far faster than any telemetry rate: the
 * {@code message-flood} behaviour (more than 200 messages in 10 s) quarantines it.
 */
public final class TelemetryFlood extends DeviceAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(3_000, Duration.ofSeconds(10));
    private static final int WINDOW = 100;

    public TelemetryFlood(LoopbackTarget target, AttackBounds bounds, SimDevice device) {
        super(target, bounds, "telemetry flood", "message-flood", device);
    }

    @Override
    void attack(DeviceLink link, AttackTally tally) {
        tally.markStarted();
        Readings readings = new Readings(device.id().hashCode());
        DevicePublishing.publish(link, device.telemetryTopic(), tally, WINDOW, 0,
                i -> Readings.json(readings.normal(i)));
    }
}
