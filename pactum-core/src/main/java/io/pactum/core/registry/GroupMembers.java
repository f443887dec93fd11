package io.pactum.core.registry;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Request to replace a device group's members. */
public record GroupMembers(Set<String> deviceIds) {
    public GroupMembers(@Nullable Set<String> deviceIds) {
        this.deviceIds = NewDeviceGroup.checkMembers(deviceIds);
    }
}
