package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user or machine of an organisation that calls the API with a bearer token. Only the token's
 * hash is kept; the token itself is shown once, when the client is created.
 */
public record ApiClient(
        String id,
        String organisationId,
        String name,
        ClientKind kind,
        Set<Scope> scopes,
        String tokenHash,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {

    public ApiClient {
        Checks.identifier("id", id);
        Checks.identifier("organisationId", organisationId);
        name = Checks.text("name", name);
        Objects.requireNonNull(kind, "kind");
        scopes = checkScopes(scopes);
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static Set<Scope> checkScopes(@Nullable Set<Scope> scopes) {
        Checks.present("scopes", scopes);
        if (scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "scopes must name at least one of read, write, admin");
        }
        // Not scopes.contains(null): immutable sets (Set.of, Set.copyOf) throw NullPointerException on it.
        if (scopes.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("scopes", "scopes must not contain null");
        }
        return Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** A token is usable until it is revoked or expires, whichever comes first. */
    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiClient revoked(Instant at) {
        return revokedAt != null ? this
                : new ApiClient(id, organisationId, name, kind, scopes, tokenHash, createdAt, expiresAt, at);
    }
}
