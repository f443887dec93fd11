package io.pactum.core.registry;

import org.jspecify.annotations.Nullable;

/** Request to register an organisation. */
public record NewOrganisation(String name, OrganisationRole role) {
    public NewOrganisation(@Nullable String name, @Nullable OrganisationRole role) {
        this.name = Checks.text("name", name);
        this.role = Checks.present("role", role);
    }
}
