package io.pactum.core.registry;

import java.time.Instant;
import java.util.Objects;

/** A member of the ecosystem. Names are unique across the hub. */
public record Organisation(String id, String name, OrganisationRole role, Instant createdAt) {
    public Organisation {
        Checks.identifier("id", id);
        name = Checks.text("name", name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
