package io.pactum.core.service;

import static io.pactum.core.access.AccessPolicy.name;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.ApiClient;
import io.pactum.core.registry.ApiClientStore;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.BearerTokens;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * First start and local administration. There is no default credential: on first start the hub
 * creates the operator organisation and one admin client, and hands its token out exactly once.
 */
public final class Bootstrap {
    public static final String OPERATOR_NAME = "Operator";
    private static final Set<Scope> ALL_SCOPES = EnumSet.allOf(Scope.class);

    private final OrganisationStore organisations;
    private final ApiClientStore clients;
    private final AuditTrail audit;
    private final Clock clock;

    public Bootstrap(OrganisationStore organisations, ApiClientStore clients, AuditTrail audit, Clock clock) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the operator and its admin token if the hub has no operator yet; the token is returned only then. */
    public Optional<IssuedToken> ensureOperator() {
        if (operator().isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Organisation operator = new Organisation(Ids.newId(), OPERATOR_NAME, OrganisationRole.OPERATOR, now);
        organisations.insert(operator);
        // No caller yet: on first start the hub itself creates the operator and its first admin.
        audit.append(RegistryEvents.changed(AuditEvent.HUB, now, "organisation.created", "organisationId",
                operator.id(), "role", name(operator.role())));
        return Optional.of(issueAdminToken(AuditEvent.HUB, operator, "admin"));
    }

    /**
     * Acting as the operator without a token, for whoever can reach the hub's database directly
     * (the CLI's local admin commands): that person could change the data anyway.
     */
    public Principal localOperator() {
        Organisation operator = operator().orElseThrow(() -> new NotFoundException(
                "the hub has no operator yet; start it once with 'pactum serve' to create one"));
        return new Principal("local-cli", operator.id(), OrganisationRole.OPERATOR, ALL_SCOPES);
    }

    /**
     * The hub acting on its own, as its playbooks do when they contain an incident: an operator
     * principal whose client id is {@value AuditEvent#HUB}, so audit entries say who acted.
     */
    public Principal hub() {
        Organisation operator = operator().orElseThrow(() -> new NotFoundException(
                "the hub has no operator yet"));
        return new Principal(AuditEvent.HUB, operator.id(), OrganisationRole.OPERATOR, ALL_SCOPES);
    }

    /**
     * Issues a further operator admin token for whoever holds the database (the CLI's
     * {@code admin-token} command), e.g. when the first token was lost.
     */
    public IssuedToken issueLocalAdminToken(String name) {
        Principal local = localOperator();
        Organisation operator = organisations.find(local.organisationId())
                .orElseThrow(() -> NotFoundException.of("organisation", local.organisationId()));
        return issueAdminToken(local.clientId(), operator, name);
    }

    private Optional<Organisation> operator() {
        return organisations.list().stream().filter(o -> o.role() == OrganisationRole.OPERATOR).findFirst();
    }

    private IssuedToken issueAdminToken(String actor, Organisation operator, String name) {
        String id = Ids.newId();
        String token = BearerTokens.issue(id);
        ApiClient admin = new ApiClient(id, operator.id(), name, ClientKind.USER, ALL_SCOPES,
                BearerTokens.hash(token), clock.instant(), null, null);
        clients.insert(admin);
        audit.append(RegistryEvents.changed(actor, admin.createdAt(), "admin-token.issued", "clientId", id,
                "organisationId", operator.id(), "scopes", RegistryEvents.scopes(admin.scopes())));
        return new IssuedToken(admin, token);
    }
}
