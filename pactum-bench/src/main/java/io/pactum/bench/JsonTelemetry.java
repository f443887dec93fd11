package io.pactum.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Pre-built JSON readings of the sharing benchmark's product, so that building them is never part of
 * what is measured: {@code {"glucose":5.4,"battery":87,"latitude":52.3731,"seq":1234}}, about 70 bytes.
 * {@code seq} numbers every message of a run uniquely; receivers match deliveries to publishes by it.
 */
final class JsonTelemetry {
    private JsonTelemetry() {}

    /** One round's messages: device d's i-th message carries {@link #seq(int, int)}. */
    record Round(byte[][][] messages, long firstSeq, int[] offsets, int count) {
        long seq(int device, int index) {
            return firstSeq + offsets[device] + index;
        }

        /** Device d's messages are the round's {@code offsets[d]} up to (excluding) this. */
        int end(int device) {
            return offsets[device] + messages[device].length;
        }

        long lastSeq() {
            return firstSeq + count - 1;
        }
    }

    /** {@code total} messages spread over {@code devices} as evenly as possible, numbered from {@code firstSeq}. */
    static Round build(int devices, int total, long firstSeq) {
        byte[][][] messages = new byte[devices][][];
        int[] offsets = new int[devices];
        int offset = 0;
        for (int d = 0; d < devices; d++) {
            int count = total / devices + (d < total % devices ? 1 : 0);
            offsets[d] = offset;
            messages[d] = new byte[count][];
            for (int i = 0; i < count; i++) {
                messages[d][i] = message(d, firstSeq + offset + i);
            }
            offset += count;
        }
        return new Round(messages, firstSeq, offsets, total);
    }

    private static byte[] message(int device, long seq) {
        double glucose = 4.0 + (seq % 80) / 10.0;
        long battery = 100 - seq % 60;
        double latitude = 52.3731 + device * 0.0001;
        return String.format(Locale.ROOT, "{\"glucose\":%.1f,\"battery\":%d,\"latitude\":%.4f,\"seq\":%d}", glucose,
                battery, latitude, seq).getBytes(StandardCharsets.UTF_8);
    }
}
