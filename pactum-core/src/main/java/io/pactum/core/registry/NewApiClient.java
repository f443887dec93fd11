package io.pactum.core.registry;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Request to create an API client; {@code kind} defaults to service, {@code expiresAt} to never. */
public record NewApiClient(String name, ClientKind kind, Set<Scope> scopes, @Nullable Instant expiresAt) {
    public NewApiClient(@Nullable String name, @Nullable ClientKind kind, @Nullable Set<Scope> scopes,
            @Nullable Instant expiresAt) {
        this.name = Checks.text("name", name);
        this.kind = kind == null ? ClientKind.SERVICE : kind;
        this.scopes = ApiClient.checkScopes(scopes);
        this.expiresAt = expiresAt;
    }
}
