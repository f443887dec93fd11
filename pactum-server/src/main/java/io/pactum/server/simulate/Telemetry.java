package io.pactum.server.simulate;

import java.util.function.LongFunction;

/** What a simulated device sends: the payload of its {@code step}-th message (0, 1, ...). */
@FunctionalInterface
public interface Telemetry {
    /** The simulated sensor's JSON readings ({@link Readings}), noisy around each device's own base. */
    Telemetry READINGS = device -> {
        Readings readings = new Readings(device.id().hashCode());
        return step -> Readings.json(readings.normal(step));
    };

    /** Called once per device; the function it returns is called for that device only, one call at a time. */
    LongFunction<byte[]> forDevice(SimDevice device);
}
