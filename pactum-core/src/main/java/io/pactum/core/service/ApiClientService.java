package io.pactum.core.service;

import static io.pactum.core.access.AccessPolicy.mayAccess;
import static io.pactum.core.access.AccessPolicy.name;
import static io.pactum.core.access.AccessPolicy.requireScope;
import static io.pactum.core.access.AccessPolicy.visible;

import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.ApiClient;
import io.pactum.core.registry.ApiClientStore;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.BearerTokens;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API clients and their tokens. An organisation's admins manage its own clients; the operator
 * manages everyone's. The token is returned once and only its hash is stored.
 */
public final class ApiClientService {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final ApiClientStore clients;
    private final OrganisationStore organisations;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiClientService(ApiClientStore clients, OrganisationStore organisations, AuditTrail audit, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public IssuedToken create(Principal caller, String organisationId, NewApiClient request) {
        requireScope(caller, Scope.ADMIN);
        requireOrganisation(caller, organisationId);
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidInputException("expiresAt", "expiresAt must lie in the future");
        }
        String id = Ids.newId();
        String token = BearerTokens.issue(id);
        ApiClient client = new ApiClient(id, organisationId, request.name(), request.kind(), request.scopes(),
                BearerTokens.hash(token), now, request.expiresAt(), null);
        clients.insert(client);
        SECURITY.info("client {} created for organisation {} by client {}", id, organisationId, caller.clientId());
        audit.append(RegistryEvents.changed(caller.clientId(), now, "client.created", "clientId", id,
                "organisationId", organisationId, "kind", name(request.kind()),
                "scopes", RegistryEvents.scopes(client.scopes())));
        return new IssuedToken(client, token);
    }

    public List<ApiClient> list(Principal caller, String organisationId) {
        requireScope(caller, Scope.ADMIN);
        requireOrganisation(caller, organisationId);
        return clients.listByOrganisation(organisationId);
    }

    public ApiClient get(Principal caller, String clientId) {
        requireScope(caller, Scope.ADMIN);
        return visible(caller, clients.find(clientId), ApiClient::organisationId, "client", clientId);
    }

    /** Revokes the client's token; revoking twice keeps the first revocation time. */
    public ApiClient revoke(Principal caller, String clientId) {
        ApiClient client = get(caller, clientId);
        if (client.revokedAt() != null) {
            return client;
        }
        Instant now = clock.instant();
        clients.revoke(clientId, now);
        SECURITY.info("client {} revoked by client {}", clientId, caller.clientId());
        audit.append(RegistryEvents.changed(caller.clientId(), now, "client.revoked", "clientId", clientId,
                "organisationId", client.organisationId()));
        return client.revoked(now);
    }

    private void requireOrganisation(Principal caller, String organisationId) {
        if (!mayAccess(caller, organisationId) || organisations.find(organisationId).isEmpty()) {
            throw NotFoundException.of("organisation", organisationId);
        }
    }
}
