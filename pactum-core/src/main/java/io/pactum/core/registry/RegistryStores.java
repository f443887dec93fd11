package io.pactum.core.registry;

import java.util.Objects;

/** The registry's stores, as one back end provides them. */
public record RegistryStores(
        OrganisationStore organisations,
        ApiClientStore clients,
        ProductStore products,
        DeviceStore devices,
        DataSubjectStore subjects,
        DeviceGroupStore groups) {

    public RegistryStores {
        Objects.requireNonNull(organisations, "organisations");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(groups, "groups");
    }
}
