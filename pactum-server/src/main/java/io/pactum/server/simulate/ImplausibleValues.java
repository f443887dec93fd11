package io.pactum.server.simulate;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device whose values leave its own profile: it first sends normal noisy values (preparation,
 * so the hub learns its profile), then values a hundred deviations away, yet inside the data
 * model's plausible range, so that only the profile can tell. The {@code out-of-profile-value}
 * behaviour (more than 8 learned deviations after a warm-up of 30) quarantines the device.
 */
public final class ImplausibleValues extends DeviceAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(30, Duration.ofSeconds(15));
    /** More than the behaviour's warm-up of 30, so that the profile is being scored. */
    static final int WARM_UP = 40;
    /** 40 messages a second: far below any flood threshold, so the warm-up raises nothing. */
    private static final long EVERY_MILLIS = 25;

    public ImplausibleValues(LoopbackTarget target, AttackBounds bounds, SimDevice device) {
        super(target, bounds, "implausible values", "out-of-profile-value", device);
    }

    @Override
    void attack(DeviceLink link, AttackTally tally) {
        Readings readings = new Readings(device.id().hashCode());
        warmUp(link, readings);
        tally.markStarted();
        DevicePublishing.publish(link, device.telemetryTopic(), tally, 1, EVERY_MILLIS,
                i -> Readings.json(readings.outlier()));
    }

    /** Normal values, each acknowledged (stored, so learned) before the next. */
    private void warmUp(DeviceLink link, Readings readings) {
        AtomicInteger acknowledged = new AtomicInteger();
        link.onAcknowledged(packetId -> acknowledged.incrementAndGet());
        for (int i = 0; i < WARM_UP; i++) {
            link.publish(device.telemetryTopic(), Readings.json(readings.normal(i)),
                    MqttQoS.AT_LEAST_ONCE);
            long waitUntil = System.nanoTime() + DeviceLink.WAIT.toNanos();
            while (acknowledged.get() <= i && System.nanoTime() < waitUntil && link.isConnected()) {
                DeviceLink.pause(1);
            }
            DeviceLink.pause(EVERY_MILLIS);
        }
    }
}
