package io.pactum.core.service;

import io.pactum.core.access.Authenticator;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.security.SecretBox;
import io.pactum.core.security.SecretHasher;
import java.time.Clock;

/** The registry's services over one set of stores, wired once by the composition root. */
public record Registry(
        Authenticator authenticator,
        OrganisationService organisations,
        ApiClientService clients,
        ProductService products,
        DeviceService devices,
        DataSubjectService subjects,
        DeviceGroupService groups,
        Bootstrap bootstrap) {

    public static Registry create(RegistryStores stores, SecretHasher hasher, SecretBox secretBox, Clock clock) {
        return new Registry(
                new Authenticator(stores.clients(), stores.organisations(), clock),
                new OrganisationService(stores.organisations(), clock),
                new ApiClientService(stores.clients(), stores.organisations(), clock),
                new ProductService(stores.products(), stores.organisations(), clock),
                new DeviceService(stores.devices(), stores.products(), stores.organisations(), stores.subjects(),
                        hasher, secretBox, clock),
                new DataSubjectService(stores.subjects(), clock),
                new DeviceGroupService(stores.groups(), stores.devices(), stores.organisations(), clock),
                new Bootstrap(stores.organisations(), stores.clients(), clock));
    }
}
