package io.pactum.core.evidence;

import io.pactum.core.registry.ApiClientStore;
import io.pactum.core.registry.DataSubjectStore;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceGroupStore;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementStore;
import io.pactum.core.sharing.ConsentReceipt;
import io.pactum.core.sharing.ConsentStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

/** Read-only stores over fixed lists: the reads an export makes, and nothing else. */
final class ListStores {
    private ListStores() {}

    static RegistryStores registry(List<Organisation> organisations, List<Product> products, List<Device> devices) {
        return new RegistryStores(of(OrganisationStore.class, organisations), of(ApiClientStore.class, List.of()),
                of(ProductStore.class, products), devices(devices), of(DataSubjectStore.class, List.of()),
                of(DeviceGroupStore.class, List.of()));
    }

    static AgreementStore agreements(List<Agreement> agreements) {
        return of(AgreementStore.class, agreements);
    }

    static ConsentStore consents(List<ConsentReceipt> receipts) {
        return of(ConsentStore.class, receipts);
    }

    private static DeviceStore devices(List<Device> devices) {
        return (DeviceStore) Proxy.newProxyInstance(ListStores.class.getClassLoader(), new Class<?>[] {DeviceStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "list" -> devices;
                    case "listByProduct" -> devices.stream().filter(d -> d.productId().equals(args[0])).toList();
                    case "find" -> devices.stream().filter(d -> d.id().equals(args[0])).findFirst();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A store whose {@code list} returns {@code items} and {@code find} nothing; anything else is refused. */
    private static <T> T of(Class<T> store, List<?> items) {
        return store.cast(Proxy.newProxyInstance(ListStores.class.getClassLoader(), new Class<?>[] {store},
                (proxy, method, args) -> switch (method.getName()) {
                    case "list" -> items;
                    case "find" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }
}
