package io.pactum.http.views;

import io.pactum.core.registry.DeviceGroup;
import java.time.Instant;
import java.util.List;

/** A device group with its members in a stable order. */
public record DeviceGroupView(String id, String ownerId, String name, List<String> deviceIds, Instant createdAt) {
    public static DeviceGroupView of(DeviceGroup g) {
        return new DeviceGroupView(g.id(), g.ownerId(), g.name(), List.copyOf(g.sortedDeviceIds()), g.createdAt());
    }
}
