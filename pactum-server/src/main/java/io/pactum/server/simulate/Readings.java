package io.pactum.server.simulate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated sensor's readings: a JSON object {@code {"reading": 21.37}}. A device's normal value
 * is its own base (15–25) plus a slow drift and bounded noise; that keeps it within a few learned
 * deviations of its profile, while an attack's value lies a hundred deviations away.
 */
final class Readings {
    /** Noise is uniform in ±NOISE: bounded, so a benign value never strays far from its profile. */
    static final double NOISE = 0.5;
    /** How far an implausible (but in-range) value lies from the device's base. */
    static final double OUTLIER_OFFSET = 150;

    private final double base;
    private final SplittableRandom random;

    Readings(long seed) {
        this.random = new SplittableRandom(seed);
        this.base = 15 + random.nextDouble(10);
    }

    /** A normal value {@code step} messages into the device's life: base, slow drift, noise. */
    double normal(long step) {
        return base + Math.sin(step / 200.0) + random.nextDouble(-NOISE, NOISE);
    }

    double outlier() {
        return base + OUTLIER_OFFSET + random.nextDouble(-NOISE, NOISE);
    }

    static byte[] json(double reading) {
        return String.format(Locale.ROOT, "{\"reading\":%.3f}", reading).getBytes(StandardCharsets.UTF_8);
    }
}
