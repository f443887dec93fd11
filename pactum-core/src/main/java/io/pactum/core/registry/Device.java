package io.pactum.core.registry;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One device of an approved product. The id is what the device presents when it connects, so it is
 * unique across the hub. {@code subjectId} links the device to the person its data is about, if any.
 */
public record Device(
        String id,
        String productId,
        String ownerId,
        @Nullable String subjectId,
        DeviceState state,
        DeviceCredentials credentials,
        Instant createdAt,
        Instant updatedAt) {

    public Device {
        Checks.identifier("id", id);
        Checks.identifier("productId", productId);
        Checks.identifier("ownerId", ownerId);
        Checks.optionalIdentifier("subjectId", subjectId);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Device withState(DeviceState newState, Instant at) {
        return new Device(id, productId, ownerId, subjectId, newState, credentials, createdAt, at);
    }
}
