package io.pactum.core.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A named set of devices of one organisation, used to scope agreements. Names are unique per owner. */
public record DeviceGroup(String id, String ownerId, String name, Set<String> deviceIds, Instant createdAt) {
    public static final int MAX_MEMBERS = 10_000;

    public DeviceGroup {
        Checks.identifier("id", id);
        Checks.identifier("ownerId", ownerId);
        name = Checks.text("name", name);
        deviceIds = NewDeviceGroup.checkMembers(deviceIds);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public DeviceGroup withMembers(Set<String> members) {
        return new DeviceGroup(id, ownerId, name, members, createdAt);
    }

    /** Members in a stable order, for responses and storage. */
    public Set<String> sortedDeviceIds() {
        return new TreeSet<>(deviceIds);
    }
}
