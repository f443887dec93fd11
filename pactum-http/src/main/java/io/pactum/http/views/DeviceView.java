package io.pactum.http.views;

import io.pactum.core.registry.Device;
import io.pactum.core.registry.DevicePublicKeys;
import io.pactum.core.registry.DeviceState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A device without its credentials' secret hash and sealed MAC key; certificate fingerprint and public key are public. */
public record DeviceView(
        String id,
        String productId,
        String ownerId,
        @Nullable String subjectId,
        DeviceState state,
        @Nullable String certificateFingerprint,
        @Nullable String publicKey,
        Instant createdAt,
        Instant updatedAt) {

    public static DeviceView of(Device d) {
        return new DeviceView(d.id(), d.productId(), d.ownerId(), d.subjectId(), d.state(),
                d.credentials().certificateFingerprint(),
                d.credentials().publicKey() == null ? null : DevicePublicKeys.text(d.credentials().publicKey()),
                d.createdAt(), d.updatedAt());
    }
}
