package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Request to create a device group; {@code ownerId} is for the operator acting for an organisation. */
public record NewDeviceGroup(@Nullable String ownerId, String name, Set<String> deviceIds) {
    public NewDeviceGroup(@Nullable String ownerId, @Nullable String name, @Nullable Set<String> deviceIds) {
        this.ownerId = Checks.optionalIdentifier("ownerId", ownerId);
        this.name = Checks.text("name", name);
        this.deviceIds = checkMembers(deviceIds == null ? Set.of() : deviceIds);
    }

    static Set<String> checkMembers(@Nullable Set<String> deviceIds) {
        Checks.present("deviceIds", deviceIds);
        if (deviceIds.size() > DeviceGroup.MAX_MEMBERS) {
            throw new InvalidInputException("deviceIds", "a group holds at most " + DeviceGroup.MAX_MEMBERS + " devices");
        }
        for (String id : deviceIds) {
            Checks.identifier("deviceIds", id);
        }
        return Set.copyOf(deviceIds);
    }
}
