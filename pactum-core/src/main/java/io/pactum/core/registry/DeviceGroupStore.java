package io.pactum.core.registry;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of device groups, members included; each call is atomic. A name taken within the
 * owner organisation is reported as a {@code ConflictException} on {@code name}.
 */
public interface DeviceGroupStore {
    void insert(DeviceGroup group);

    Optional<DeviceGroup> find(String id);

    /** All groups, oldest first. */
    List<DeviceGroup> list();

    /** The organisation's groups, oldest first. */
    List<DeviceGroup> listByOwner(String ownerId);

    /** Replaces the group's members; throws {@code NotFoundException} if there is no such group. */
    void replaceMembers(String groupId, java.util.Set<String> deviceIds);
}
