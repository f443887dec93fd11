package io.pactum.core.registry;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of API clients. A name taken within the organisation is reported as a
 * {@code ConflictException} on {@code name}.
 */
public interface ApiClientStore {
    void insert(ApiClient client);

    Optional<ApiClient> find(String id);

    /** The organisation's clients, oldest first. */
    List<ApiClient> listByOrganisation(String organisationId);

    /** Records the revocation time; the only change a client ever undergoes. */
    void revoke(String id, java.time.Instant at);
}
