package io.pactum.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A person whose data devices collect, known to the hub only by a pseudonymous id: the link to the
 * real person stays with the operator's own systems.
 */
public record DataSubject(String id, Instant createdAt) {
    public DataSubject {
        Checks.identifier("id", id);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
