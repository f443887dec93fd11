package io.pactum.bench;

import io.pactum.sdk.DeviceMessages;
import io.pactum.sdk.SenmlPack;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Pre-built device messages, so that creating them is never part of what is measured: a SenML CBOR
 * pack with one glucose reading (mmol/L, measured every five minutes, a slow random walk between
 * 3.5 and 12) wrapped in a COSE_Mac0 with the device's counter.
 */
final class GlucoseMessages {
    static final Duration SAMPLE_INTERVAL = Duration.ofMinutes(5);

    private GlucoseMessages() {}

    /** Messages with counters {@code firstCounter .. firstCounter + count - 1}, the newest reading last. */
    static byte[][] build(String deviceId, byte[] macKey, long firstCounter, int count, Instant newest, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] messages = new byte[count][];
        double glucose = 5.5;
        for (int i = 0; i < count; i++) {
            glucose = Math.max(3.5, Math.min(12.0, glucose + random.nextDouble(-0.3, 0.3)));
            double reading = Math.round(glucose * 10) / 10.0;
            Instant measured = newest.minus(SAMPLE_INTERVAL.multipliedBy(count - 1L - i));
            messages[i] = message(deviceId, macKey, firstCounter + i, reading, measured);
        }
        return messages;
    }

    static byte[] message(String deviceId, byte[] macKey, long counter, double glucose, Instant measured) {
        byte[] pack = SenmlPack.withBaseName("urn:dev:" + deviceId + ":")
                .add("glucose", glucose, "mmol/L", measured)
                .toCbor();
        return DeviceMessages.mac0(deviceId, macKey, counter, pack);
    }
}
