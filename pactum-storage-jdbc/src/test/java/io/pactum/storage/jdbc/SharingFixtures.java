package io.pactum.storage.jdbc;

import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceCredentials;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Registry rows and values the sharing and delivery store contracts build on. Instants are whole microseconds. */
final class SharingFixtures {
    static final Instant T0 = Instant.parse("2026-02-01T08:00:00.000001Z");

    private SharingFixtures() {}

    static Organisation organisation(RegistryStores registry, String id, OrganisationRole role) {
        Organisation organisation = new Organisation(id, "Org " + id, role, T0);
        registry.organisations().insert(organisation);
        return organisation;
    }

    static Product product(RegistryStores registry, String id, String supplierId) {
        Product product = new Product(id, supplierId, id, "1.0", new DataModel(List.of(
                new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.0, 40.0, DataCategory.HEALTH))),
                PayloadFormat.SENML_CBOR, ApprovalState.APPROVED, null, T0, T0);
        registry.products().insert(product);
        return product;
    }

    static Device device(RegistryStores registry, String id, Product product, Instant createdAt) {
        Device device = new Device(id, product.id(), product.supplierId(), null, DeviceState.ACTIVE,
                new DeviceCredentials("hash", null, new byte[] {1}), createdAt, createdAt);
        registry.devices().insert(device);
        return device;
    }

    /** An agreement releasing {@code glucose} unchanged, open-ended, active. */
    static Agreement agreement(String id, String recipientId, String productId, Instant createdAt) {
        return new Agreement(id, recipientId, Set.of(productId), Set.of(), Map.of("glucose", FieldTransform.KEEP),
                Purpose.HEALTHCARE, LegalBasis.CONTRACT, T0, null, 600, null, List.of(), AgreementState.ACTIVE,
                createdAt, createdAt);
    }

    static CanonicalRecord record(String id, String deviceId, String productId, Instant time) {
        return new CanonicalRecord(id, deviceId, productId, null, Channel.TELEMETRY, time, time,
                List.of(new FieldValue("glucose", FieldType.NUMBER, 5.5, "mmol/L", DataCategory.HEALTH)),
                new Provenance("mqtt", IntegrityMethod.NONE, null), false);
    }

    static OutboxEntry entry(String recipientId, String agreementId, String recordId, @Nullable String subjectId,
            Instant createdAt) {
        return new OutboxEntry(recipientId, agreementId, Purpose.HEALTHCARE, recordId, subjectId, createdAt,
                "{\"agreementId\":\"" + agreementId + "\",\"record\":{\"recordId\":\"" + recordId
                        + "\",\"note\":\"caf\u00e9 \\\"quoted\\\"\"}}");
    }
}
