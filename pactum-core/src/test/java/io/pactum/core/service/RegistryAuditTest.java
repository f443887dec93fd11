package io.pactum.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.DataSubject;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceGroup;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.GroupMembers;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.NewDataSubject;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewDeviceGroup;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductUpdate;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.BearerTokens;
import io.pactum.core.security.Principal;
import io.pactum.core.security.SecretHasher;
import io.pactum.core.security.TinkSecretBox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every registry change lands in the audit trail once, after it succeeded, and names no secret. */
class RegistryAuditTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final DataModel METER = new DataModel(List.of(
            new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", null, null, DataCategory.HEALTH)));

    private final SteppingClock clock = new SteppingClock(T0);
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private Registry registry;
    private Principal operator;
    private Organisation supplier;
    private Principal supplierAdmin;

    @BeforeEach
    void startHub() {
        registry = Registry.create(InMemoryRegistryStores.create(), new SecretHasher(SecretHasher.MIN_ITERATIONS),
                TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()), clock, events::add);
        IssuedToken admin = registry.bootstrap().ensureOperator().orElseThrow();
        secrets.add(admin.token());
        operator = new Principal(admin.client().id(), admin.client().organisationId(), OrganisationRole.OPERATOR,
                EnumSet.allOf(Scope.class));
        supplier = registry.organisations().create(operator, new NewOrganisation("Acme Meters", OrganisationRole.SUPPLIER));
        supplierAdmin = new Principal("acme-admin", supplier.id(), OrganisationRole.SUPPLIER, EnumSet.allOf(Scope.class));
        clock.advance(Duration.ofSeconds(1));
        events.clear();
    }

    @Test
    void ensureOperator_onFirstStart_recordsTheOperatorAndItsAdminToken_asTheHub() {
        List<AuditEvent> firstStart = new ArrayList<>();
        Registry fresh = Registry.create(InMemoryRegistryStores.create(), new SecretHasher(SecretHasher.MIN_ITERATIONS),
                TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()), clock, firstStart::add);

        IssuedToken admin = fresh.bootstrap().ensureOperator().orElseThrow();
        fresh.bootstrap().ensureOperator(); // already there: changes nothing

        assertThat(firstStart).extracting(AuditEvent::actor).containsOnly(AuditEvent.HUB);
        assertThat(firstStart).extracting(AuditEvent::details).containsExactly(
                Map.of("action", "organisation.created", "organisationId", admin.client().organisationId(),
                        "role", "operator"),
                Map.of("action", "admin-token.issued", "clientId", admin.client().id(),
                        "organisationId", admin.client().organisationId(), "scopes", "admin,read,write"));
        assertNoSecretIn(firstStart, admin.token());
    }

    @Test
    void issueLocalAdminToken_isRecordedWithTheLocalCliAsActor() {
        IssuedToken issued = registry.bootstrap().issueLocalAdminToken("spare");

        AuditEvent event = only(events);
        assertThat(event.actor()).isEqualTo("local-cli");
        assertThat(event.details()).containsEntry("action", "admin-token.issued")
                .containsEntry("clientId", issued.client().id());
        assertNoSecretIn(events, issued.token());
    }

    @Nested
    class OrganisationsAndClients {
        @Test
        void organisationCreate_recordsItsIdAndRole() {
            Organisation partner = registry.organisations().create(operator,
                    new NewOrganisation("Care Ltd", OrganisationRole.PARTNER));

            AuditEvent event = only(events);
            assertThat(event.type()).isEqualTo(AuditEventType.REGISTRY_CHANGED);
            assertThat(event.actor()).isEqualTo(operator.clientId());
            assertThat(event.at()).isEqualTo(clock.instant());
            assertThat(event.details()).isEqualTo(Map.of("action", "organisation.created",
                    "organisationId", partner.id(), "role", "partner"));
        }

        @Test
        void organisationCreate_bySupplier_isForbiddenAndRecordsNothing() {
            assertThatThrownBy(() -> registry.organisations().create(supplierAdmin,
                    new NewOrganisation("Rogue", OrganisationRole.OPERATOR))).isInstanceOf(ForbiddenException.class);
            assertThat(events).isEmpty();
        }

        @Test
        void clientCreateAndRevoke_recordBothOnce_withoutTheToken() {
            IssuedToken issued = registry.clients().create(supplierAdmin, supplier.id(),
                    new NewApiClient("ci", ClientKind.USER, Set.of(Scope.READ, Scope.WRITE), null));
            registry.clients().revoke(supplierAdmin, issued.client().id());
            registry.clients().revoke(supplierAdmin, issued.client().id()); // already revoked: no change

            assertThat(events).extracting(AuditEvent::actor).containsOnly("acme-admin");
            assertThat(events).extracting(AuditEvent::details).containsExactly(
                    Map.of("action", "client.created", "clientId", issued.client().id(),
                            "organisationId", supplier.id(), "kind", "user", "scopes", "read,write"),
                    Map.of("action", "client.revoked", "clientId", issued.client().id(),
                            "organisationId", supplier.id()));
            assertNoSecretIn(events, issued.token());
        }

        @Test
        void clientCreate_withPastExpiry_isInvalidAndRecordsNothing() {
            assertThatThrownBy(() -> registry.clients().create(supplierAdmin, supplier.id(),
                    new NewApiClient("ci", ClientKind.USER, Set.of(Scope.READ), T0.minusSeconds(1))))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(events).isEmpty();
        }
    }

    @Nested
    class ProductsAndDevices {
        @Test
        void productLifecycle_recordsSubmissionApprovalAndResubmission_withTheState() {
            Product product = submit();
            registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.REJECTED, "no units"));
            registry.products().update(supplierAdmin, product.id(), new ProductUpdate("G2", null, null, null));

            assertThat(events).extracting(AuditEvent::actor)
                    .containsExactly("acme-admin", operator.clientId(), "acme-admin");
            assertThat(events).extracting(AuditEvent::details).containsExactly(
                    Map.of("action", "product.submitted", "productId", product.id(), "organisationId", supplier.id(),
                            "state", "pending"),
                    Map.of("action", "product.approval", "productId", product.id(), "organisationId", supplier.id(),
                            "state", "rejected"),
                    Map.of("action", "product.resubmitted", "productId", product.id(),
                            "organisationId", supplier.id(), "state", "pending"));
        }

        @Test
        void productDecide_bySupplier_isForbiddenAndRecordsNothing() {
            Product product = submit();
            events.clear();

            assertThatThrownBy(() -> registry.products().decide(supplierAdmin, product.id(),
                    new ApprovalDecision(ApprovalState.APPROVED, null))).isInstanceOf(ForbiddenException.class);
            assertThat(events).isEmpty();
        }

        @Test
        void deviceProvisioning_withASubject_putsTheSubjectOnlyInSubjectId_andNoSecret() {
            Product product = approved();
            DataSubject subject = registry.subjects().create(operator, new NewDataSubject("patient-42"));
            events.clear();

            ProvisionedDevice provisioned = registry.devices().create(operator,
                    new NewDevice("meter-1", product.id(), null, subject.id(), null, null, null));

            AuditEvent event = only(events);
            assertThat(event.details()).isEqualTo(Map.of("action", "device.provisioned", "deviceId", "meter-1",
                    "productId", product.id(), "organisationId", supplier.id(), "subjectId", "patient-42"));
            assertNoSecretIn(events, provisioned.secret(), provisioned.macKey());
        }

        @Test
        void deviceProvisioning_withoutASubject_hasNoSubjectDetail() {
            Product product = approved();

            registry.devices().create(supplierAdmin, new NewDevice("meter-2", product.id(), null, null,
                    "a-long-device-secret-1", null, null));

            assertThat(only(events).details()).doesNotContainKey("subjectId");
            assertNoSecretIn(events, "a-long-device-secret-1");
        }

        @Test
        void deviceProvisioning_ofAPendingProduct_isRefusedAndRecordsNothing() {
            Product product = submit();
            events.clear();

            assertThatThrownBy(() -> registry.devices().create(supplierAdmin,
                    new NewDevice("meter-3", product.id(), null, null, null, null, null)))
                    .isInstanceOf(ConflictException.class);
            assertThat(events).isEmpty();
        }

        @Test
        void deviceStateChange_recordsFromToAndReason() {
            Device device = provision("meter-4");
            clock.advance(Duration.ofMinutes(1));

            registry.devices().changeState(operator, device.id(),
                    new DeviceStateChange(DeviceState.QUARANTINED, "replay burst"));

            AuditEvent event = only(events);
            assertThat(event.type()).isEqualTo(AuditEventType.DEVICE_STATE_CHANGED);
            assertThat(event.actor()).isEqualTo(operator.clientId());
            assertThat(event.at()).isEqualTo(clock.instant());
            assertThat(event.details()).isEqualTo(Map.of("deviceId", "meter-4", "from", "active",
                    "to", "quarantined", "reason", "replay burst"));
        }

        @Test
        void deviceStateChange_withoutReason_hasNoReasonDetail() {
            Device device = provision("meter-5");

            registry.devices().changeState(supplierAdmin, device.id(), new DeviceStateChange(DeviceState.REVOKED, null));

            assertThat(only(events).details()).isEqualTo(Map.of("deviceId", "meter-5", "from", "active",
                    "to", "revoked"));
        }

        @Test
        void deviceStateChange_outOfQuarantineBySupplier_isForbiddenAndRecordsNothing() {
            Device device = provision("meter-6");
            registry.devices().changeState(operator, device.id(), new DeviceStateChange(DeviceState.QUARANTINED, null));
            events.clear();

            assertThatThrownBy(() -> registry.devices().changeState(supplierAdmin, device.id(),
                    new DeviceStateChange(DeviceState.ACTIVE, null))).isInstanceOf(ForbiddenException.class);
            assertThat(events).isEmpty();
        }

        private Product submit() {
            return registry.products().create(supplierAdmin,
                    new NewProduct(null, "Glucose G1", "1.0.0", METER, PayloadFormat.JSON));
        }

        private Product approved() {
            Product product = submit();
            registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.APPROVED, null));
            events.clear();
            return product;
        }

        private Device provision(String id) {
            Product product = approved();
            Device device = registry.devices().create(supplierAdmin,
                    new NewDevice(id, product.id(), null, null, null, null, null)).device();
            events.clear();
            return device;
        }
    }

    @Nested
    class SubjectsAndGroups {
        @Test
        void subjectCreate_recordsTheRawIdOnlyInSubjectId() {
            DataSubject subject = registry.subjects().create(operator, new NewDataSubject("patient-7"));

            AuditEvent event = only(events);
            assertThat(event.details()).isEqualTo(Map.of("action", "subject.created", "subjectId", subject.id()));
        }

        @Test
        void subjectCreate_bySupplier_isForbiddenAndRecordsNothing() {
            assertThatThrownBy(() -> registry.subjects().create(supplierAdmin, new NewDataSubject("patient-8")))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(events).isEmpty();
        }

        @Test
        void groupCreateAndChange_recordIdsAndMemberCounts() {
            Product product = registry.products().create(supplierAdmin,
                    new NewProduct(null, "Glucose G1", "1.0.0", METER, PayloadFormat.JSON));
            registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.APPROVED, null));
            registry.devices().create(supplierAdmin, new NewDevice("m-1", product.id(), null, null, null, null, null));
            registry.devices().create(supplierAdmin, new NewDevice("m-2", product.id(), null, null, null, null, null));
            events.clear();

            DeviceGroup group = registry.groups().create(supplierAdmin, new NewDeviceGroup(null, "ward", Set.of("m-1")));
            registry.groups().replaceMembers(supplierAdmin, group.id(), new GroupMembers(Set.of("m-1", "m-2")));

            assertThat(events).extracting(AuditEvent::details).containsExactly(
                    Map.of("action", "group.created", "groupId", group.id(), "organisationId", supplier.id(),
                            "members", "1"),
                    Map.of("action", "group.changed", "groupId", group.id(), "organisationId", supplier.id(),
                            "members", "2"));
        }

        @Test
        void groupCreate_withAnotherOrganisationsDevice_isInvalidAndRecordsNothing() {
            assertThatThrownBy(() -> registry.groups().create(supplierAdmin,
                    new NewDeviceGroup(null, "ward", Set.of("nobodys-device"))))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void registryWithoutLedger_stillWorks() {
        Registry plain = Registry.create(InMemoryRegistryStores.create(), new SecretHasher(SecretHasher.MIN_ITERATIONS),
                TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()), clock);

        assertThat(plain.bootstrap().ensureOperator()).isPresent();
    }

    private static AuditEvent only(List<AuditEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** No detail value holds a token or secret, whole or (for a token) its secret part. */
    private void assertNoSecretIn(List<AuditEvent> recorded, String... moreSecrets) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(List.of(moreSecrets));
        for (AuditEvent event : recorded) {
            for (String value : event.details().values()) {
                for (String secret : all) {
                    assertThat(value).doesNotContain(secret);
                    BearerTokens.parse(secret).ifPresent(token -> assertThat(value).doesNotContain(token.secret()));
                }
            }
        }
    }
}
