package io.pactum.core.registry;

import java.util.List;
import java.util.Optional;

/** Persistence of devices. A device id already registered is reported as a {@code ConflictException} on {@code id}. */
public interface DeviceStore {
    void insert(Device device);

    Optional<Device> find(String id);

    /** All devices, oldest first. */
    List<Device> list();

    /** The organisation's devices, oldest first. */
    List<Device> listByOwner(String ownerId);

    /** The product's devices, oldest first. */
    List<Device> listByProduct(String productId);

    /** Replaces the stored device with the same id; throws {@code NotFoundException} if there is none. */
    void update(Device device);
}
