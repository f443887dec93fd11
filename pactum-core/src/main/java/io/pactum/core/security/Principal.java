package io.pactum.core.security;

import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import java.util.Objects;
import java.util.Set;

/** Who is calling: an authenticated API client of an organisation, with its role and token scopes. */
public record Principal(String clientId, String organisationId, OrganisationRole role, Set<Scope> scopes) {
    public Principal {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(role, "role");
        scopes = Set.copyOf(scopes);
    }

    public boolean isOperator() {
        return role == OrganisationRole.OPERATOR;
    }

    public boolean belongsTo(String organisationId) {
        return this.organisationId.equals(organisationId);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
