package io.pactum.server.simulate;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device whose values leave its own profile: it first sends normal noisy values (preparation,
 * so the hub learns its profile), then values a hundred deviations away, yet inside the data
 * model's plausible range, so that only the profile can tell. The {@code out-of-profile-value}
 * behaviour (more than 8 learned deviations after a warm-up of 30) quarantines the device.
 */
public final class ImplausibleValues extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(30, Duration.ofSeconds(15));
    /** More than the behaviour's warm-up of 30, so that the profile is being scored. */
    static final int WARM_UP = 40;
    /** 40 messages a second: far below any flood threshold, so the warm-up raises nothing. */
    private static final long EVERY_MILLIS = 25;

    private final SimDevice device;

    public ImplausibleValues(LoopbackTarget target, AttackBounds bounds, SimDevice device) {
        super(target, bounds);
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public String name() {
        return "implausible values";
    }

    @Override
    public String detector() {
        return "out-of-profile-value";
    }

    @Override
    public String subject() {
        return device.id();
    }

    @Override
    void script(Vertx vertx, AttackTally tally) {
        Readings readings = new Readings(device.id().hashCode());
        try (DeviceLink link = DeviceLink.device(vertx, target, device, null)) {
            if (!link.connect()) {
                tally.refused();
                return;
            }
            warmUp(link, readings);
            tally.markStarted();
            DevicePublishing.publish(link, device.telemetryTopic(), tally, 1, EVERY_MILLIS,
                    i -> Readings.json(readings.outlier()));
            DevicePublishing.retryAfterCutOff(link, tally, 2);
        }
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
