package io.pactum.http.views;

import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.util.List;

/** Who the caller is, as its token says. */
public record MeView(String clientId, String organisationId, OrganisationRole role, List<Scope> scopes) {
    public static MeView of(Principal p) {
        return new MeView(p.clientId(), p.organisationId(), p.role(), p.scopes().stream().sorted().toList());
    }
}
