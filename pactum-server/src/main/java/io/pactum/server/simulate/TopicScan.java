package io.pactum.server.simulate;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A device probing the topic tree: subscriptions to wildcards, {@code $SYS}, other devices' and
 * partners' topics. Subscriptions, not publishes, because an MQTT 3.1.1 device is disconnected at
 * its first forbidden publish, while a refused subscription only fails in the SUBACK; the
 * {@code topic-scanning} behaviour (more than 10 refusals in 60 s) quarantines the device.
 */
public final class TopicScan extends ScriptedAttack {
    public static final AttackBounds DEFAULT_BOUNDS = AttackBounds.of(40, Duration.ofSeconds(10));
    private static final List<String> PROBES = List.of("#", "$SYS/#", "devices/+/telemetry", "partners/#",
            "devices/%s/commands", "devices/%s/telemetry", "+/+/+");

    private final SimDevice device;

    public TopicScan(LoopbackTarget target, AttackBounds bounds, SimDevice device) {
        super(target, bounds);
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public String name() {
        return "topic scanning";
    }

    @Override
    public String detector() {
        return "topic-scanning";
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
            DevicePublishing.retryAfterCutOff(link, tally, 2);
        }
    }
}
