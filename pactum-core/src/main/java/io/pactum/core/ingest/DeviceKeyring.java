package io.pactum.core.ingest;

import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.registry.Device;

/** The keys a device's messages are verified with, opened from where the registry keeps them. */
@FunctionalInterface
public interface DeviceKeyring {
    DeviceKeys keysOf(Device device);
}
