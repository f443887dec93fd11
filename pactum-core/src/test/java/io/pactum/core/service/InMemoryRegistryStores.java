package io.pactum.core.service;

import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.ApiClient;
import io.pactum.core.registry.ApiClientStore;
import io.pactum.core.registry.DataSubject;
import io.pactum.core.registry.DataSubjectStore;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceGroup;
import io.pactum.core.registry.DeviceGroupStore;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.registry.RegistryStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registry stores in maps, for service tests that need no database. They keep insertion order and
 * the "not found" rules of the store contracts, not their uniqueness rules (the JDBC stores' tests
 * cover those).
 */
final class InMemoryRegistryStores {
    private InMemoryRegistryStores() {}

    static RegistryStores create() {
        return new RegistryStores(new Organisations(), new Clients(), new Products(), new Devices(), new Subjects(),
                new Groups());
    }

    private static final class Organisations implements OrganisationStore {
        private final Map<String, Organisation> rows = new LinkedHashMap<>();

        @Override public void insert(Organisation organisation) { rows.put(organisation.id(), organisation); }
        @Override public Optional<Organisation> find(String id) { return Optional.ofNullable(rows.get(id)); }
        @Override public List<Organisation> list() { return new ArrayList<>(rows.values()); }
    }

    private static final class Clients implements ApiClientStore {
        private final Map<String, ApiClient> rows = new LinkedHashMap<>();

        @Override public void insert(ApiClient client) { rows.put(client.id(), client); }
        @Override public Optional<ApiClient> find(String id) { return Optional.ofNullable(rows.get(id)); }

        @Override
        public List<ApiClient> listByOrganisation(String organisationId) {
            return rows.values().stream().filter(c -> c.organisationId().equals(organisationId)).toList();
        }

        @Override
        public void revoke(String id, Instant at) {
            ApiClient client = find(id).orElseThrow(() -> NotFoundException.of("client", id));
            rows.put(id, client.revoked(at));
        }
    }

    private static final class Products implements ProductStore {
        private final Map<String, Product> rows = new LinkedHashMap<>();

        @Override public void insert(Product product) { rows.put(product.id(), product); }
        @Override public Optional<Product> find(String id) { return Optional.ofNullable(rows.get(id)); }
        @Override public List<Product> list() { return new ArrayList<>(rows.values()); }

        @Override
        public List<Product> listBySupplier(String supplierId) {
            return rows.values().stream().filter(p -> p.supplierId().equals(supplierId)).toList();
        }

        @Override
        public void update(Product product) {
            find(product.id()).orElseThrow(() -> NotFoundException.of("product", product.id()));
            rows.put(product.id(), product);
        }
    }

    private static final class Devices implements DeviceStore {
        private final Map<String, Device> rows = new LinkedHashMap<>();

        @Override public void insert(Device device) { rows.put(device.id(), device); }
        @Override public Optional<Device> find(String id) { return Optional.ofNullable(rows.get(id)); }
        @Override public List<Device> list() { return new ArrayList<>(rows.values()); }

        @Override
        public List<Device> listByOwner(String ownerId) {
            return rows.values().stream().filter(d -> d.ownerId().equals(ownerId)).toList();
        }

        @Override
        public List<Device> listByProduct(String productId) {
            return rows.values().stream().filter(d -> d.productId().equals(productId)).toList();
        }

        @Override
        public void update(Device device) {
            find(device.id()).orElseThrow(() -> NotFoundException.of("device", device.id()));
            rows.put(device.id(), device);
        }
    }

    private static final class Subjects implements DataSubjectStore {
        private final Map<String, DataSubject> rows = new LinkedHashMap<>();

        @Override public void insert(DataSubject subject) { rows.put(subject.id(), subject); }
        @Override public Optional<DataSubject> find(String id) { return Optional.ofNullable(rows.get(id)); }
        @Override public List<DataSubject> list() { return new ArrayList<>(rows.values()); }
    }

    private static final class Groups implements DeviceGroupStore {
        private final Map<String, DeviceGroup> rows = new LinkedHashMap<>();

        @Override public void insert(DeviceGroup group) { rows.put(group.id(), group); }
        @Override public Optional<DeviceGroup> find(String id) { return Optional.ofNullable(rows.get(id)); }
        @Override public List<DeviceGroup> list() { return new ArrayList<>(rows.values()); }

        @Override
        public List<DeviceGroup> listByOwner(String ownerId) {
            return rows.values().stream().filter(g -> g.ownerId().equals(ownerId)).toList();
        }

        @Override
        public void replaceMembers(String groupId, Set<String> deviceIds) {
            DeviceGroup group = find(groupId).orElseThrow(() -> NotFoundException.of("device group", groupId));
            rows.put(groupId, group.withMembers(deviceIds));
        }
    }
}
