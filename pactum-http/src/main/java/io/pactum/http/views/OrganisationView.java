package io.pactum.http.views;

import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import java.time.Instant;

public record OrganisationView(String id, String name, OrganisationRole role, Instant createdAt) {
    public static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id(), o.name(), o.role(), o.createdAt());
    }
}
