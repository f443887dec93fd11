package io.pactum.server.simulate;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A cloned device credential: the genuine device is connected from 127.0.0.1 (preparation); a
 * clone with the same id and secret connects from another loopback address (127.0.0.2 by default;
 * Linux routes all of 127/8 to lo) and publishes, taking the session over. When cut off, each side
 * reconnects, as a real device would, a few times. The {@code shared-credentials} behaviour (two
 * hosts for one device id within 10 s) quarantines the device.
 */
public final class ClonedCredential extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(60, Duration.ofSeconds(5));
    public static final String GENUINE_ADDRESS = "127.0.0.1";
    public static final String CLONE_ADDRESS = "127.0.0.2";
    private static final long PUBLISH_EVERY_MILLIS = 50;
    private static final int RECONNECTS = 3;

    private final SimDevice device;
    private final String cloneAddress;
    private final Telemetry telemetry;

    /** A clone of a simulated sensor, sending its kind of readings. */
    public ClonedCredential(LoopbackTarget target, AttackBounds bounds, SimDevice device, String cloneAddress) {
        this(target, bounds, device, cloneAddress, Telemetry.READINGS);
    }

    /** A clone sending what {@code telemetry} makes for the device: a clone passes for the original. */
    public ClonedCredential(LoopbackTarget target, AttackBounds bounds, SimDevice device, String cloneAddress,
            Telemetry telemetry) {
        super(target, bounds);
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.device = Objects.requireNonNull(device, "device");
        this.cloneAddress = LoopbackTarget.requireLoopback(cloneAddress, "clone address");
        if (cloneAddress.equals(GENUINE_ADDRESS)) {
            throw new IllegalArgumentException("the clone must connect from another address than the genuine device ("
                    + GENUINE_ADDRESS + ")");
        }
    }

    @Override
    public String name() {
        return "cloned credential";
    }

    @Override
    public String detector() {
        return "shared-credentials";
    }

    @Override
    public String subject() {
        return device.id();
    }

    @Override
    void script(Vertx vertx, AttackTally tally) {
        LongFunction<byte[]> payloads = telemetry.forDevice(device);
        try (DeviceLink genuine = DeviceLink.device(vertx, target, device, GENUINE_ADDRESS);
                DeviceLink clone = DeviceLink.device(vertx, target, device, cloneAddress)) {
            if (!genuine.connect()) {
                tally.refused();
                return;
            }
            tally.markStarted();
            int cloneReconnects = 0;
            int genuineReconnects = 0;
            long step = 0;
            while (tally.more()) {
                if (!clone.isConnected()) {
                    if (cloneReconnects++ > RECONNECTS) {
                        break;
                    }
                    tally.sent();
                    if (clone.connect()) {
                        tally.accepted();
                    } else {
                        tally.refused();
                    }
                } else {
                    tally.sent();
                    clone.publish(device.telemetryTopic(), payloads.apply(step++),
                            MqttQoS.AT_MOST_ONCE);
                }
                // the genuine device notices it was taken over and comes back
                if (!genuine.isConnected() && genuineReconnects++ < RECONNECTS) {
                    genuine.connect();
                }
                DeviceLink.pause(PUBLISH_EVERY_MILLIS);
            }
        }
    }
}
