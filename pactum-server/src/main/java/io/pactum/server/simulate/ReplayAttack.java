package io.pactum.server.simulate;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-sending protected messages the hub already accepted: the device first sends a few genuine
 * COSE_Mac0 messages (preparation, as captured traffic would be), then sends them again and again
 * without MQTT's DUP flag. Each is a REPLAY; the {@code replay} behaviour (more than 10 in 60 s)
 * quarantines the device.
 */
public final class ReplayAttack extends DeviceAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(60, Duration.ofSeconds(10));
    private static final int CAPTURED = 5;
    private static final int WINDOW = 20;

    private final MessageSealer sealer;

    public ReplayAttack(LoopbackTarget target, AttackBounds bounds, SimDevice device, MessageSealer sealer) {
        super(target, bounds, "replay", "replay", device);
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    @Override
    void attack(DeviceLink link, AttackTally tally) {
        byte[][] captured = genuineMessages(link);
        tally.markStarted();
        DevicePublishing.publish(link, device.telemetryTopic(), tally, WINDOW, 0,
                i -> captured[(int) (i % captured.length)]);
    }

    /** Sends a few genuine messages and waits until the hub acknowledged them; returns them. */
    private byte[][] genuineMessages(DeviceLink link) {
        AtomicInteger acknowledged = new AtomicInteger();
        link.onAcknowledged(packetId -> acknowledged.incrementAndGet());
        Readings readings = new Readings(device.id().hashCode());
        long firstCounter = Counters.fresh();
        byte[][] messages = new byte[CAPTURED][];
        for (int i = 0; i < CAPTURED; i++) {
            messages[i] = sealer.mac0(device.id(), device.macKey(), firstCounter + i, Readings.json(readings.normal(i)));
            link.publish(device.telemetryTopic(), messages[i], MqttQoS.AT_LEAST_ONCE);
        }
        long waitUntil = System.nanoTime() + DeviceLink.WAIT.toNanos();
        while (acknowledged.get() < CAPTURED && System.nanoTime() < waitUntil) {
            DeviceLink.pause(5);
        }
        return messages;
    }
}
