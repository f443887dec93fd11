package io.pactum.http.views;

import io.pactum.core.registry.ApiClient;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.Scope;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An API client without its token hash. */
public record ClientView(
        String id,
        String organisationId,
        String name,
        ClientKind kind,
        List<Scope> scopes,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {

    public static ClientView of(ApiClient c) {
        return new ClientView(c.id(), c.organisationId(), c.name(), c.kind(), c.scopes().stream().sorted().toList(),
                c.createdAt(), c.expiresAt(), c.revokedAt());
    }
}
