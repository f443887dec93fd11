package io.pactum.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.error.PactumException;
import io.pactum.core.translate.BinaryField;
import io.pactum.core.translate.BinaryLayout;
import io.pactum.core.translate.BinaryType;
import io.pactum.core.translate.Endianness;
import io.pactum.core.translate.SenmlMapping;
import io.pactum.core.translate.TranslationSpec;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every implementation of the registry stores must show. A back end runs it by
 * extending this class and returning fresh, empty stores. Instants here are whole microseconds,
 * the finest precision a store must keep.
 */
public abstract class RegistryStoreContract {
    private static final Instant START = Instant.parse("2025-03-01T08:00:00.123456Z");

    /** Empty stores, not shared with any other test. */
    protected abstract RegistryStores newStores();

    private RegistryStores stores;
    private Instant clock = START;

    @BeforeEach
    void createStores() {
        stores = newStores();
    }

    /** Each call a second later than the last, so insertion order and age agree unless a test says otherwise. */
    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    private Organisation organisation(String id, String name, OrganisationRole role) {
        Organisation organisation = new Organisation(id, name, role, tick());
        stores.organisations().insert(organisation);
        return organisation;
    }

    private static DataModel richModel() {
        return new DataModel(List.of(
                new FieldSpec("heartRate", FieldType.INTEGER, "bpm", 20.0, 250.0, DataCategory.HEALTH),
                new FieldSpec("temperature", FieldType.NUMBER, "Cel", -40.5, null, DataCategory.TECHNICAL),
                new FieldSpec("latitude", FieldType.NUMBER, null, null, 90.0, DataCategory.LOCATION),
                new FieldSpec("ratio", FieldType.NUMBER, "%", 0.1, 0.30000000000000004, DataCategory.BEHAVIOURAL),
                new FieldSpec("serial", FieldType.STRING, null, null, null, DataCategory.IDENTIFIER),
                new FieldSpec("door_open", FieldType.BOOLEAN, null, null, null, DataCategory.TECHNICAL)));
    }

    private static DataModel simpleModel() {
        return new DataModel(List.of(new FieldSpec("level", FieldType.NUMBER, "m", 0.0, 10.0, DataCategory.TECHNICAL)));
    }

    private Product product(String id, Organisation supplier, String model, String firmware) {
        Instant at = tick();
        Product product = new Product(id, supplier.id(), model, firmware, simpleModel(), PayloadFormat.JSON,
                ApprovalState.APPROVED, null, at, at);
        stores.products().insert(product);
        return product;
    }

    private static DeviceCredentials credentials(@Nullable String fingerprint, byte... key) {
        return new DeviceCredentials("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", fingerprint, key);
    }

    private Device newDevice(String id, Product product, Organisation owner, @Nullable String subjectId) {
        Instant at = tick();
        return new Device(id, product.id(), owner.id(), subjectId, DeviceState.ACTIVE,
                credentials(null, (byte) 1, (byte) 2, (byte) 3), at, at);
    }

    private Device device(String id, Product product, Organisation owner) {
        Device device = newDevice(id, product, owner, null);
        stores.devices().insert(device);
        return device;
    }

    private ApiClient newClient(String id, Organisation organisation, String name) {
        return new ApiClient(id, organisation.id(), name, ClientKind.SERVICE, Set.of(Scope.READ), "hash-" + id, tick(),
                null, null);
    }

    private static void assertField(Throwable thrown, String field) {
        assertThat(((PactumException) thrown).field()).contains(field);
    }

    @Nested
    class Organisations {
        @Test
        void insert_thenFind_returnsEqualOrganisation() {
            Organisation acme = organisation("acme", "Acme Sensors", OrganisationRole.SUPPLIER);

            assertThat(stores.organisations().find("acme")).contains(acme);
        }

        @Test
        void find_whenUnknownId_isEmpty() {
            assertThat(stores.organisations().find("nobody")).isEmpty();
        }

        @Test
        void list_returnsOldestFirst_andSameAgeById() {
            Instant same = tick();
            Organisation newest = new Organisation("a-newest", "Newest", OrganisationRole.PARTNER, same.plusSeconds(5));
            Organisation tieB = new Organisation("b-tie", "Tie B", OrganisationRole.SUPPLIER, same);
            Organisation tieA = new Organisation("a-tie", "Tie A", OrganisationRole.OPERATOR, same);
            Organisation oldest = new Organisation("z-oldest", "Oldest", OrganisationRole.RESEARCHER, same.minusSeconds(5));
            for (Organisation o : List.of(newest, tieB, tieA, oldest)) {
                stores.organisations().insert(o);
            }

            assertThat(stores.organisations().list()).containsExactly(oldest, tieA, tieB, newest);
        }

        @Test
        void insert_whenNameTaken_throwsConflictOnNameAndKeepsOriginal() {
            Organisation original = organisation("acme", "Acme", OrganisationRole.SUPPLIER);

            assertThatThrownBy(() -> stores.organisations().insert(
                    new Organisation("other", "Acme", OrganisationRole.PARTNER, tick())))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Acme")
                    .satisfies(e -> assertField(e, "name"));

            assertThat(stores.organisations().list()).containsExactly(original);
        }

        @Test
        void insert_whenIdTaken_throwsConflictOnIdAndKeepsOriginal() {
            Organisation original = organisation("acme", "Acme", OrganisationRole.SUPPLIER);

            assertThatThrownBy(() -> stores.organisations().insert(
                    new Organisation("acme", "Another name", OrganisationRole.PARTNER, tick())))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertField(e, "id"));

            assertThat(stores.organisations().list()).containsExactly(original);
        }
    }

    @Nested
    class ApiClients {
        @Test
        void insert_thenFind_returnsEqualClient_withAllScopesAndInstants() {
            Organisation org = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            ApiClient client = new ApiClient("c1", org.id(), "ci pipeline", ClientKind.USER,
                    EnumSet.allOf(Scope.class), "hash", tick(), tick().plusSeconds(3600), tick());
            stores.clients().insert(client);

            Optional<ApiClient> found = stores.clients().find("c1");

            assertThat(found).contains(client);
            assertThat(found.orElseThrow().scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE, Scope.ADMIN);
        }

        @Test
        void insert_thenFind_keepsAbsentExpiryAndRevocationAbsent() {
            Organisation org = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            ApiClient client = new ApiClient("c1", org.id(), "reader", ClientKind.SERVICE,
                    Set.of(Scope.WRITE, Scope.READ), "hash", tick(), null, null);
            stores.clients().insert(client);

            ApiClient found = stores.clients().find("c1").orElseThrow();

            assertThat(found).isEqualTo(client);
            assertThat(found.expiresAt()).isNull();
            assertThat(found.revokedAt()).isNull();
        }

        @Test
        void find_whenUnknownId_isEmpty() {
            assertThat(stores.clients().find("nobody")).isEmpty();
        }

        @Test
        void listByOrganisation_returnsOnlyThatOrganisationsClients_oldestFirst() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Organisation globex = organisation("globex", "Globex", OrganisationRole.PARTNER);
            ApiClient second = newClient("a-second", acme, "second");
            ApiClient first = new ApiClient("z-first", acme.id(), "first", ClientKind.USER, Set.of(Scope.ADMIN), "h",
                    second.createdAt().minusSeconds(10), null, null);
            ApiClient foreign = newClient("foreign", globex, "first");
            stores.clients().insert(second);
            stores.clients().insert(foreign);
            stores.clients().insert(first);

            assertThat(stores.clients().listByOrganisation("acme")).containsExactly(first, second);
            assertThat(stores.clients().listByOrganisation("globex")).containsExactly(foreign);
            assertThat(stores.clients().listByOrganisation("nobody")).isEmpty();
        }

        @Test
        void insert_whenNameTakenInOrganisation_throwsConflictOnNameAndKeepsOriginal() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            ApiClient original = newClient("c1", acme, "deployer");
            stores.clients().insert(original);

            assertThatThrownBy(() -> stores.clients().insert(newClient("c2", acme, "deployer")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("deployer")
                    .satisfies(e -> assertField(e, "name"));

            assertThat(stores.clients().listByOrganisation("acme")).containsExactly(original);
            assertThat(stores.clients().find("c2")).isEmpty();
        }

        @Test
        void insert_whenNameTakenOnlyInAnotherOrganisation_succeeds() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Organisation globex = organisation("globex", "Globex", OrganisationRole.PARTNER);
            stores.clients().insert(newClient("c1", acme, "deployer"));
            ApiClient other = newClient("c2", globex, "deployer");

            stores.clients().insert(other);

            assertThat(stores.clients().find("c2")).contains(other);
        }

        @Test
        void insert_whenOrganisationUnknown_throwsInvalidInputOnOrganisationId() {
            Organisation ghost = new Organisation("ghost", "Ghost", OrganisationRole.PARTNER, tick());

            assertThatThrownBy(() -> stores.clients().insert(newClient("c1", ghost, "x")))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertField(e, "organisationId"));
            assertThat(stores.clients().find("c1")).isEmpty();
        }

        @Test
        void revoke_recordsTheTime_andChangesNothingElse() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            ApiClient client = newClient("c1", acme, "deployer");
            stores.clients().insert(client);
            Instant at = tick();

            stores.clients().revoke("c1", at);

            assertThat(stores.clients().find("c1")).contains(client.revoked(at));
        }

        @Test
        void revoke_whenAlreadyRevoked_keepsTheFirstTime() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            stores.clients().insert(newClient("c1", acme, "deployer"));
            Instant first = tick();
            stores.clients().revoke("c1", first);

            stores.clients().revoke("c1", tick());

            assertThat(stores.clients().find("c1").orElseThrow().revokedAt()).isEqualTo(first);
        }

        @Test
        void revoke_whenUnknownId_throwsNotFound() {
            assertThatThrownBy(() -> stores.clients().revoke("nobody", tick()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Products {
        @Test
        void insert_thenFind_returnsEqualProduct_withDataModelRangesUnitsAndCategories() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Product product = new Product("p1", acme.id(), "Pulse 2", "1.4.0-rc.1", richModel(), PayloadFormat.SENML_CBOR,
                    new TranslationSpec(null, List.of(new SenmlMapping("heartRate", "urn:dev:pulse:hr", "beat/min", 1.0, null)),
                            null),
                    new IngestPolicy(false, ImplausibleValuePolicy.FLAG, 30), ApprovalState.CONDITIONALLY_APPROVED, "only with firmware signing", tick(), tick());
            stores.products().insert(product);

            Product found = stores.products().find("p1").orElseThrow();

            assertThat(found).isEqualTo(product);
            assertThat(found.dataModel().fields()).isEqualTo(richModel().fields());
        }

        @Test
        void insert_thenFind_keepsAbsentApprovalNoteAbsent() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Product product = product("p1", acme, "Pulse", "1.0");

            assertThat(stores.products().find("p1")).contains(product);
            assertThat(product.approvalNote()).isNull();
        }

        @Test
        void find_whenUnknownId_isEmpty() {
            assertThat(stores.products().find("nobody")).isEmpty();
        }

        @Test
        void list_returnsAllOldestFirst_andListBySupplierOnlyTheSuppliers() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Organisation initech = organisation("initech", "Initech", OrganisationRole.SUPPLIER);
            Product a1 = product("z-a1", acme, "Pulse", "1.0");
            Product i1 = product("i1", initech, "Pulse", "1.0");
            Product a2 = product("a-a2", acme, "Pulse", "2.0");

            assertThat(stores.products().list()).containsExactly(a1, i1, a2);
            assertThat(stores.products().listBySupplier("acme")).containsExactly(a1, a2);
            assertThat(stores.products().listBySupplier("initech")).containsExactly(i1);
            assertThat(stores.products().listBySupplier("nobody")).isEmpty();
        }

        @Test
        void insert_whenModelAndFirmwareTakenBySupplier_throwsConflictOnFirmwareVersionAndKeepsOriginal() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Product original = product("p1", acme, "Pulse", "1.0");
            Instant at = tick();
            Product duplicate = new Product("p2", acme.id(), "Pulse", "1.0", richModel(), PayloadFormat.BINARY,
                    ApprovalState.PENDING, null, at, at);

            assertThatThrownBy(() -> stores.products().insert(duplicate))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("1.0")
                    .satisfies(e -> assertField(e, "firmwareVersion"));

            assertThat(stores.products().list()).containsExactly(original);
        }

        @Test
        void insert_whenSameModelAndFirmwareOfAnotherSupplier_succeeds() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Organisation initech = organisation("initech", "Initech", OrganisationRole.SUPPLIER);
            product("p1", acme, "Pulse", "1.0");

            Product other = product("p2", initech, "Pulse", "1.0");

            assertThat(stores.products().find("p2")).contains(other);
        }

        @Test
        void insert_whenSupplierUnknown_throwsInvalidInputOnSupplierId() {
            Instant at = tick();
            Product orphan = new Product("p1", "ghost", "Pulse", "1.0", simpleModel(), PayloadFormat.JSON,
                    ApprovalState.PENDING, null, at, at);

            assertThatThrownBy(() -> stores.products().insert(orphan))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertField(e, "supplierId"));
            assertThat(stores.products().list()).isEmpty();
        }

        @Test
        void update_replacesTheStoredProduct() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Product original = product("p1", acme, "Pulse", "1.0");
            Product changed = original.withSubmission("Pulse Pro", "1.1", richModel(), PayloadFormat.BINARY,
                            new TranslationSpec(null, null, new BinaryLayout(8, List.of(
                                    new BinaryField("heartRate", 0, BinaryType.U16, Endianness.LITTLE, null, null),
                                    new BinaryField("temperature", 4, BinaryType.F32, Endianness.BIG, 0.1, -40.0)))),
                            new IngestPolicy(true, ImplausibleValuePolicy.FLAG, 7), tick())
                    .withApproval(ApprovalState.REJECTED, "sends location without need", tick());

            stores.products().update(changed);

            assertThat(stores.products().find("p1")).contains(changed);
            assertThat(stores.products().list()).containsExactly(changed);
        }

        @Test
        void update_whenUnknownId_throwsNotFound() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Instant at = tick();
            Product ghost = new Product("ghost", acme.id(), "Pulse", "1.0", simpleModel(), PayloadFormat.JSON,
                    ApprovalState.PENDING, null, at, at);

            assertThatThrownBy(() -> stores.products().update(ghost)).isInstanceOf(NotFoundException.class);
            assertThat(stores.products().list()).isEmpty();
        }

        @Test
        void update_whenItWouldDuplicateAnotherSubmission_throwsConflictOnFirmwareVersionAndKeepsBoth() {
            Organisation acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            Product first = product("p1", acme, "Pulse", "1.0");
            Product second = product("p2", acme, "Pulse", "2.0");

            assertThatThrownBy(() -> stores.products().update(
                    second.withSubmission("Pulse", "1.0", simpleModel(), PayloadFormat.JSON, TranslationSpec.DEFAULTS,
                            IngestPolicy.DEFAULT, tick())))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertField(e, "firmwareVersion"));

            assertThat(stores.products().list()).containsExactly(first, second);
        }
    }

    @Nested
    class Devices {
        private Organisation acme;
        private Product pulse;

        @BeforeEach
        void registerProduct() {
            acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            pulse = product("pulse", acme, "Pulse", "1.0");
        }

        @Test
        void insert_thenFind_returnsEqualDevice_withSubjectFingerprintAndSealedKey() {
            DataSubject subject = new DataSubject("subj-1", tick());
            stores.subjects().insert(subject);
            byte[] key = new byte[64];
            for (int i = 0; i < key.length; i++) {
                key[i] = (byte) (i * 7 - 128);
            }
            Instant at = tick();
            byte[] publicKey = new byte[44];
            publicKey[0] = 0x30;
            Device device = new Device("dev-1", pulse.id(), acme.id(), subject.id(), DeviceState.QUARANTINED,
                    new DeviceCredentials("$pbkdf2$hash", "AB:".repeat(31) + "AB", key, publicKey), at,
                    at.plusSeconds(1));
            stores.devices().insert(device);

            Device found = stores.devices().find("dev-1").orElseThrow();

            assertThat(found).isEqualTo(device);
            assertThat(found.credentials().sealedMacKey()).isEqualTo(key);
            assertThat(found.credentials().certificateFingerprint()).isEqualTo("ab".repeat(32));
            assertThat(found.credentials().publicKey()).isEqualTo(publicKey);
        }

        @Test
        void insert_thenFind_keepsAbsentSubjectAndFingerprintAbsent() {
            Device device = device("dev-1", pulse, acme);

            Device found = stores.devices().find("dev-1").orElseThrow();

            assertThat(found).isEqualTo(device);
            assertThat(found.subjectId()).isNull();
            assertThat(found.credentials().certificateFingerprint()).isNull();
            assertThat(found.credentials().publicKey()).isNull();
        }

        @Test
        void find_whenUnknownId_isEmpty() {
            assertThat(stores.devices().find("nobody")).isEmpty();
        }

        @Test
        void list_returnsAllOldestFirst_andListByOwnerOnlyTheOwners() {
            Organisation globex = organisation("globex", "Globex", OrganisationRole.PARTNER);
            Device d1 = device("z-1", pulse, acme);
            Device g1 = device("g-1", pulse, globex);
            Device d2 = device("a-2", pulse, acme);

            assertThat(stores.devices().list()).containsExactly(d1, g1, d2);
            assertThat(stores.devices().listByOwner("acme")).containsExactly(d1, d2);
            assertThat(stores.devices().listByOwner("globex")).containsExactly(g1);
            assertThat(stores.devices().listByOwner("nobody")).isEmpty();
        }

        @Test
        void insert_whenIdTaken_throwsConflictOnIdAndKeepsOriginal() {
            Device original = device("dev-1", pulse, acme);
            Instant at = tick();
            Device duplicate = new Device("dev-1", pulse.id(), acme.id(), null, DeviceState.REVOKED,
                    credentials(null, (byte) 9), at, at);

            assertThatThrownBy(() -> stores.devices().insert(duplicate))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("dev-1")
                    .satisfies(e -> assertField(e, "id"));

            assertThat(stores.devices().list()).containsExactly(original);
        }

        @Test
        void insert_whenProductUnknown_throwsInvalidInputOnProductId() {
            Product ghost = new Product("ghost", acme.id(), "Ghost", "0", simpleModel(), PayloadFormat.JSON,
                    ApprovalState.APPROVED, null, tick(), tick());

            assertThatThrownBy(() -> stores.devices().insert(newDevice("dev-1", ghost, acme, null)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertField(e, "productId"));
            assertThat(stores.devices().list()).isEmpty();
        }

        @Test
        void insert_whenOwnerUnknown_throwsInvalidInputOnOwnerId() {
            Organisation ghost = new Organisation("ghost", "Ghost", OrganisationRole.PARTNER, tick());

            assertThatThrownBy(() -> stores.devices().insert(newDevice("dev-1", pulse, ghost, null)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertField(e, "ownerId"));
            assertThat(stores.devices().list()).isEmpty();
        }

        @Test
        void insert_whenSubjectUnknown_throwsInvalidInputOnSubjectId() {
            assertThatThrownBy(() -> stores.devices().insert(newDevice("dev-1", pulse, acme, "ghost")))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertField(e, "subjectId"));
            assertThat(stores.devices().list()).isEmpty();
        }

        @Test
        void update_replacesTheStoredDevice() {
            Device original = device("dev-1", pulse, acme);
            DataSubject subject = new DataSubject("subj-1", tick());
            stores.subjects().insert(subject);
            Device changed = new Device(original.id(), pulse.id(), acme.id(), subject.id(), DeviceState.REVOKED,
                    credentials("cd".repeat(32), (byte) 4, (byte) 5), original.createdAt(), tick());

            stores.devices().update(changed);

            assertThat(stores.devices().find("dev-1")).contains(changed);
            assertThat(stores.devices().list()).containsExactly(changed);
        }

        @Test
        void update_whenUnknownId_throwsNotFound() {
            Device ghost = newDevice("ghost", pulse, acme, null);

            assertThatThrownBy(() -> stores.devices().update(ghost)).isInstanceOf(NotFoundException.class);
            assertThat(stores.devices().list()).isEmpty();
        }
    }

    @Nested
    class DataSubjects {
        @Test
        void insert_thenFind_returnsEqualSubject() {
            DataSubject subject = new DataSubject("p-7f3a", tick());
            stores.subjects().insert(subject);

            assertThat(stores.subjects().find("p-7f3a")).contains(subject);
        }

        @Test
        void find_whenUnknownId_isEmpty() {
            assertThat(stores.subjects().find("nobody")).isEmpty();
        }

        @Test
        void list_returnsOldestFirst() {
            Instant at = tick();
            DataSubject newer = new DataSubject("a", at.plusSeconds(1));
            DataSubject older = new DataSubject("b", at);
            stores.subjects().insert(newer);
            stores.subjects().insert(older);

            assertThat(stores.subjects().list()).containsExactly(older, newer);
        }

        @Test
        void insert_whenIdTaken_throwsConflictOnIdAndKeepsOriginal() {
            DataSubject original = new DataSubject("p-1", tick());
            stores.subjects().insert(original);

            assertThatThrownBy(() -> stores.subjects().insert(new DataSubject("p-1", tick())))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertField(e, "id"));

            assertThat(stores.subjects().list()).containsExactly(original);
        }
    }

    @Nested
    class DeviceGroups {
        private Organisation acme;
        private Organisation globex;
        private Device d1;
        private Device d2;
        private Device d3;

        @BeforeEach
        void registerDevices() {
            acme = organisation("acme", "Acme", OrganisationRole.SUPPLIER);
            globex = organisation("globex", "Globex", OrganisationRole.PARTNER);
            Product pulse = product("pulse", acme, "Pulse", "1.0");
            d1 = device("d1", pulse, acme);
            d2 = device("d2", pulse, acme);
            d3 = device("d3", pulse, acme);
        }

        private DeviceGroup group(String id, Organisation owner, String name, String... members) {
            DeviceGroup group = new DeviceGroup(id, owner.id(), name, Set.of(members), tick());
            stores.groups().insert(group);
            return group;
        }

        @Test
        void insert_thenFind_returnsEqualGroupWithMembers() {
            DeviceGroup group = group("g1", acme, "Ward 3", d1.id(), d2.id());

            assertThat(stores.groups().find("g1")).contains(group);
            assertThat(stores.groups().find("g1").orElseThrow().deviceIds()).containsExactlyInAnyOrder("d1", "d2");
        }

        @Test
        void insert_thenFind_keepsAnEmptyGroupEmpty() {
            DeviceGroup group = group("g1", acme, "Empty");

            assertThat(stores.groups().find("g1")).contains(group);
        }

        @Test
        void find_whenUnknownId_isEmpty() {
            assertThat(stores.groups().find("nobody")).isEmpty();
        }

        @Test
        void list_returnsAllOldestFirst_andListByOwnerOnlyTheOwners_eachWithItsMembers() {
            DeviceGroup a = group("z-a", acme, "A", d1.id());
            DeviceGroup g = group("g", globex, "G", d2.id(), d3.id());
            DeviceGroup b = group("a-b", acme, "B", d1.id(), d3.id());

            assertThat(stores.groups().list()).containsExactly(a, g, b);
            assertThat(stores.groups().listByOwner("acme")).containsExactly(a, b);
            assertThat(stores.groups().listByOwner("globex")).containsExactly(g);
            assertThat(stores.groups().listByOwner("nobody")).isEmpty();
        }

        @Test
        void insert_whenNameTakenByOwner_throwsConflictOnNameAndKeepsOriginal() {
            DeviceGroup original = group("g1", acme, "Ward 3", d1.id());

            assertThatThrownBy(() -> stores.groups().insert(
                    new DeviceGroup("g2", acme.id(), "Ward 3", Set.of(d2.id()), tick())))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Ward 3")
                    .satisfies(e -> assertField(e, "name"));

            assertThat(stores.groups().list()).containsExactly(original);
        }

        @Test
        void insert_whenNameTakenOnlyByAnotherOwner_succeeds() {
            group("g1", acme, "Ward 3", d1.id());

            DeviceGroup other = group("g2", globex, "Ward 3", d2.id());

            assertThat(stores.groups().find("g2")).contains(other);
        }

        @Test
        void insert_whenAMemberDoesNotExist_throwsInvalidInputOnDeviceIdsAndStoresNothing() {
            DeviceGroup group = new DeviceGroup("g1", acme.id(), "Ward 3", Set.of(d1.id(), "ghost"), tick());

            assertThatThrownBy(() -> stores.groups().insert(group))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("ghost")
                    .satisfies(e -> assertField(e, "deviceIds"));

            assertThat(stores.groups().find("g1")).isEmpty();
            assertThat(stores.groups().list()).isEmpty();
        }

        @Test
        void insert_whenOwnerUnknown_throwsInvalidInputOnOwnerId() {
            assertThatThrownBy(() -> stores.groups().insert(
                    new DeviceGroup("g1", "ghost", "Ward 3", Set.of(), tick())))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertField(e, "ownerId"));
            assertThat(stores.groups().list()).isEmpty();
        }

        @Test
        void replaceMembers_replacesTheWholeSet_andKeepsTheRest() {
            DeviceGroup group = group("g1", acme, "Ward 3", d1.id(), d2.id());

            stores.groups().replaceMembers("g1", Set.of(d2.id(), d3.id()));

            assertThat(stores.groups().find("g1")).contains(group.withMembers(Set.of("d2", "d3")));
        }

        @Test
        void replaceMembers_withEmptySet_emptiesTheGroup() {
            DeviceGroup group = group("g1", acme, "Ward 3", d1.id(), d2.id());

            stores.groups().replaceMembers("g1", Set.of());

            assertThat(stores.groups().find("g1")).contains(group.withMembers(Set.of()));
        }

        @Test
        void replaceMembers_leavesOtherGroupsAlone() {
            group("g1", acme, "Ward 3", d1.id());
            DeviceGroup other = group("g2", acme, "Ward 4", d1.id(), d2.id());

            stores.groups().replaceMembers("g1", Set.of(d3.id()));

            assertThat(stores.groups().find("g2")).contains(other);
        }

        @Test
        void replaceMembers_whenADeviceDoesNotExist_failsAndKeepsTheOldMembers() {
            DeviceGroup group = group("g1", acme, "Ward 3", d1.id(), d2.id());

            assertThatThrownBy(() -> stores.groups().replaceMembers("g1", Set.of(d3.id(), "ghost")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("ghost")
                    .satisfies(e -> assertField(e, "deviceIds"));

            assertThat(stores.groups().find("g1")).contains(group);
        }

        @Test
        void replaceMembers_whenUnknownGroup_throwsNotFound() {
            assertThatThrownBy(() -> stores.groups().replaceMembers("nobody", Set.of(d1.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThat(stores.groups().list()).isEmpty();
        }
    }
}
