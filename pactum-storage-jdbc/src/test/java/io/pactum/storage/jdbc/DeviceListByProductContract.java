package io.pactum.storage.jdbc;

import static io.pactum.storage.jdbc.SharingFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.Device;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.RegistryStores;
import org.junit.jupiter.api.Test;

/**
 * {@code DeviceStore.listByProduct}, which the registry contract in pactum-core does not cover yet;
 * a back end runs it by extending this class.
 */
abstract class DeviceListByProductContract {
    protected abstract RegistryStores newStores();

    @Test
    void listByProduct_returnsOnlyThatProductsDevices_oldestFirst() {
        RegistryStores registry = newStores();
        SharingFixtures.organisation(registry, "acme", OrganisationRole.SUPPLIER);
        Product glucose = SharingFixtures.product(registry, "glucose-product", "acme");
        Product thermo = SharingFixtures.product(registry, "thermo-product", "acme");
        Device later = SharingFixtures.device(registry, "a-glucose-later", glucose, T0.plusSeconds(20));
        Device thermometer = SharingFixtures.device(registry, "thermo-1", thermo, T0.plusSeconds(5));
        Device first = SharingFixtures.device(registry, "z-glucose-first", glucose, T0);
        Device sameTime = SharingFixtures.device(registry, "b-glucose-same-time", glucose, T0.plusSeconds(20));

        assertThat(registry.devices().listByProduct("glucose-product")).containsExactly(first, later, sameTime);
        assertThat(registry.devices().listByProduct("thermo-product")).containsExactly(thermometer);
        assertThat(registry.devices().listByProduct("no-such-product")).isEmpty();
    }
}
