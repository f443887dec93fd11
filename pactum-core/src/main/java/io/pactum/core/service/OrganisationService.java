package io.pactum.core.service;

import static io.pactum.core.access.AccessPolicy.name;
import static io.pactum.core.access.AccessPolicy.requireOperator;
import static io.pactum.core.access.AccessPolicy.requireScope;
import static io.pactum.core.access.AccessPolicy.visible;

import io.pactum.core.audit.AuditTrail;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Organisations: the operator registers them; every organisation sees itself. */
public final class OrganisationService {
    private final OrganisationStore organisations;
    private final AuditTrail audit;
    private final Clock clock;

    public OrganisationService(OrganisationStore organisations, AuditTrail audit, Clock clock) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Organisation create(Principal caller, NewOrganisation request) {
        requireOperator(caller, Scope.WRITE, "register organisations");
        Organisation organisation = new Organisation(Ids.newId(), request.name(), request.role(), clock.instant());
        organisations.insert(organisation);
        audit.append(RegistryEvents.changed(caller.clientId(), organisation.createdAt(), "organisation.created",
                "organisationId", organisation.id(), "role", name(organisation.role())));
        return organisation;
    }

    public List<Organisation> list(Principal caller) {
        requireScope(caller, Scope.READ);
        if (caller.isOperator()) {
            return organisations.list();
        }
        return organisations.find(caller.organisationId()).stream().toList();
    }

    public Organisation get(Principal caller, String id) {
        requireScope(caller, Scope.READ);
        return visible(caller, organisations.find(id), Organisation::id, "organisation", id);
    }
}
