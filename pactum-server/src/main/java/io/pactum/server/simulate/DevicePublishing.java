package io.pactum.server.simulate;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The publishing loop several device attacks share: QoS 1 PUBLISHes with at most {@code window}
 * unacknowledged, so the attacker goes as fast as the hub acknowledges (a real flooder would too:
 * past that, the hub disconnects a device with too much waiting, and the flood ends by itself).
 */
final class DevicePublishing {
    private DevicePublishing() {}

    /**
     * Publishes {@code payload(i)} for i = 0, 1, ... while the tally allows, the link is connected and
     * {@code pauseMillis} apart (0: back to back); PUBACKs count as accepted.
     */
    static void publish(DeviceLink link, String topic, AttackTally tally, int window, long pauseMillis,
            LongFunction<byte[]> payload) {
        Semaphore permits = new Semaphore(window);
        link.onAcknowledged(packetId -> {
            tally.accepted();
            permits.release();
        });
        long i = 0;
        while (tally.more() && link.isConnected()) {
            if (!acquire(permits)) {
                continue;
            }
            link.publish(topic, payload.apply(i++), MqttQoS.AT_LEAST_ONCE).onFailure(e -> permits.release());
            tally.sent();
            if (pauseMillis > 0) {
                DeviceLink.pause(pauseMillis);
            }
        }
        // PUBACKs still on their way count as accepted; give them a moment.
        long waitUntil = System.nanoTime() + 1_000_000_000L;
        while (tally.acceptedCount() < tally.sentCount() && link.isConnected() && System.nanoTime() < waitUntil) {
            DeviceLink.pause(10);
        }
        tally.countUnacknowledgedAsRefused();
    }

    /**
     * What a device does once the hub cut it off: tries again a few times, a little apart; each
     * attempt the hub refuses counts as refused. Returns whether one was accepted.
     */
    static boolean retryAfterCutOff(DeviceLink link, AttackTally tally, int attempts) {
        for (int i = 0; i < attempts; i++) {
            DeviceLink.pause(100);
            if (link.connect()) {
                tally.accepted();
                return true;
            }
            tally.refused();
        }
        return false;
    }

    private static boolean acquire(Semaphore permits) {
        try {
            return permits.tryAcquire(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
