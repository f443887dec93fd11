package io.pactum.server.simulate;

import java.time.Duration;
import java.util.List;

/**
 * A device probing the topic tree: subscriptions to wildcards, {@code $SYS}, other devices' and
 * partners' topics. Subscriptions, not publishes, because an MQTT 3.1.1 device is disconnected at
 * its first forbidden publish, while a refused subscription only fails in the SUBACK; the
 * {@code topic-scanning} behaviour (more than 10 refusals in 60 s) quarantines the device.
 */
public final class TopicScan extends DeviceAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(40, Duration.ofSeconds(10));
    private static final List<String> PROBES = List.of("#", "$SYS/#", "devices/+/telemetry", "partners/#",
            "devices/%s/commands", "devices/%s/telemetry", "+/+/+");

    public TopicScan(LoopbackTarget target, AttackBounds bounds, SimDevice device) {
        super(target, bounds, "topic scanning", "topic-scanning", device);
    }

    @Override
    void attack(DeviceLink link, AttackTally tally) {
        tally.markStarted();
        int i = 0;
        while (tally.more() && link.isConnected()) {
            String filter = String.format(PROBES.get(i % PROBES.size()), "victim-" + i);
            i++;
            tally.sent();
            if (link.subscribe(filter) == DeviceLink.SUBSCRIPTION_FAILED) {
                tally.refused();
            } else {
                tally.accepted();
            }
        }
    }
}
