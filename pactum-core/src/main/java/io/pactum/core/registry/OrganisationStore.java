package io.pactum.core.registry;

import java.util.List;
import java.util.Optional;

/** Persistence of organisations. Implementations report a taken name as a {@code ConflictException} on {@code name}. */
public interface OrganisationStore {
    void insert(Organisation organisation);

    Optional<Organisation> find(String id);

    /** All organisations, oldest first. */
    List<Organisation> list();
}
