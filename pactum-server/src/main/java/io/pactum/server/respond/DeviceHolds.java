package io.pactum.server.respond;

import io.pactum.core.delivery.HeldDevices;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateListener;
import io.pactum.core.registry.DeviceStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quarantined and revoked devices, in memory, for the outbox to withhold what they sent: read
 * from the store at start, then kept current by the registry's state changes.
 */
public final class DeviceHolds implements HeldDevices, DeviceStateListener {
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public static DeviceHolds loadFrom(DeviceStore devices) {
        DeviceHolds holds = new DeviceHolds();
        for (Device device : devices.list()) {
            holds.stateChanged(device);
        }
        return holds;
    }

    @Override
    public boolean holds(String deviceId) {
        return held.contains(deviceId);
    }

    @Override
    public void stateChanged(Device device) {
        if (device.state() == DeviceState.ACTIVE) {
            held.remove(device.id());
        } else {
            held.add(device.id());
        }
    }
}
