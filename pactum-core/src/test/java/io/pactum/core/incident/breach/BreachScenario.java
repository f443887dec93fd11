package io.pactum.core.incident.breach;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.Severity;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.MemoryLedgerStore;
import io.pactum.core.ledger.subject.SubjectKey;
import io.pactum.core.ledger.subject.SubjectKeyStore;
import io.pactum.core.ledger.subject.SubjectSealer;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.OrganisationStore;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import io.pactum.core.security.TinkSecretBox;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.AgreementStore;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hub with two products (a glucose meter: health and technical fields; a step counter: behavioural
 * and technical), four recipient organisations with one agreement each, and a real ledger whose
 * subject ids are sealed. The window is the hour from {@link #FROM}.
 */
final class BreachScenario implements AutoCloseable {
    static final Instant FROM = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofHours(1));
    static final Instant DETECTED = FROM.plus(Duration.ofMinutes(40));
    static final Instant ASSESSED = DETECTED.plus(Duration.ofHours(2));

    final SubjectSealer sealer = new SubjectSealer(new KeysInMemory(),
            TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()));
    final Ledger ledger = Ledger.open(new MemoryLedgerStore(), sealer, 16);
    final Map<String, Product> products = new HashMap<>();
    final Map<String, Agreement> agreements = new HashMap<>();
    final Map<String, Organisation> organisations = new HashMap<>();

    BreachScenario() {
        product("p-glucose", "Glucose One", field("glucose", DataCategory.HEALTH));
        product("p-steps", "Step Two", field("steps", DataCategory.BEHAVIOURAL));
        recipient("clinic", "City Clinic", "p-glucose", Purpose.HEALTHCARE);
        recipient("research", "Uni Lab", "p-glucose", Purpose.PRODUCT_IMPROVEMENT);
        recipient("insurer", "Acme Insurance", "p-steps", Purpose.BILLING);
        recipient("shady", "Shady Analytics", "p-steps", Purpose.USAGE_ANALYTICS);
    }

    BreachAssessor assessor() {
        return new BreachAssessor(ledger, sealer, new Products(), new Agreements(), new Organisations(),
                Clock.fixed(ASSESSED, ZoneOffset.UTC));
    }

    /** A release as the delivery writes it now: with device and product. */
    void release(Instant at, String deviceId, String productId, String subjectId, String recipientId, String fields) {
        Map<String, String> details = details(recipientId, subjectId, fields);
        details.put("deviceId", deviceId);
        details.put("productId", productId);
        ledger.append(new AuditEvent(AuditEventType.DATA_RELEASED, at, AuditEvent.HUB, details));
    }

    /** A release written before the ledger recorded devices and products. */
    void olderRelease(Instant at, String subjectId, String recipientId, String fields) {
        ledger.append(new AuditEvent(AuditEventType.DATA_RELEASED, at, AuditEvent.HUB,
                details(recipientId, subjectId, fields)));
    }

    static Incident incident(String detector, Severity severity, Set<String> devices, Set<String> organisations,
            Set<String> subjects) {
        return new Incident("inc-1", detector, "dev-a", "test incident", severity, IncidentStatus.OPEN, DETECTED,
                DETECTED, null, null, devices, organisations, subjects, List.of(), 0, null, 1);
    }

    @Override
    public void close() {
        ledger.close();
    }

    private Map<String, String> details(String recipientId, String subjectId, String fields) {
        Agreement agreement = agreements.get("agr-" + recipientId);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("recipientId", recipientId);
        details.put("agreementId", agreement.id());
        details.put("purpose", agreement.purpose().wireName());
        details.put("recordPseudonym", "rec-" + subjectId + "-" + fields.hashCode());
        details.put("subjectId", subjectId);
        details.put("subjectPseudonym", subjectId.isEmpty() ? "" : "pseudo-" + subjectId);
        details.put("fields", fields);
        details.put("consentReceiptId", "");
        return details;
    }

    private static FieldSpec field(String name, DataCategory category) {
        return new FieldSpec(name, FieldType.NUMBER, null, null, null, category);
    }

    private void product(String id, String model, FieldSpec personal) {
        DataModel dataModel = new DataModel(List.of(personal, new FieldSpec("battery", FieldType.NUMBER, "%", 0.0,
                100.0, DataCategory.TECHNICAL)));
        products.put(id, new Product(id, "acme", model, "1.0", dataModel, PayloadFormat.JSON, ApprovalState.APPROVED,
                null, FROM.minus(Duration.ofDays(90)), FROM.minus(Duration.ofDays(90))));
    }

    private void recipient(String id, String name, String productId, Purpose purpose) {
        Instant created = FROM.minus(Duration.ofDays(30));
        organisations.put(id, new Organisation(id, name, OrganisationRole.PARTNER, created));
        agreements.put("agr-" + id, new Agreement("agr-" + id, id, Set.of(productId), Set.of(),
                Map.of("glucose", FieldTransform.KEEP, "steps", FieldTransform.KEEP, "battery", FieldTransform.KEEP),
                purpose, LegalBasis.CONSENT, created, null, 100, null, List.of(), AgreementState.ACTIVE, created,
                created));
    }

    /** Reads only: what an assessment needs. */
    private final class Products implements ProductStore {
        @Override public Optional<Product> find(String id) { return Optional.ofNullable(products.get(id)); }
        @Override public List<Product> list() { return List.copyOf(products.values()); }
        @Override public void insert(Product product) { throw new UnsupportedOperationException(); }
        @Override public List<Product> listBySupplier(String supplierId) { throw new UnsupportedOperationException(); }
        @Override public void update(Product product) { throw new UnsupportedOperationException(); }
    }

    private final class Agreements implements AgreementStore {
        @Override public Optional<Agreement> find(String id) { return Optional.ofNullable(agreements.get(id)); }
        @Override public List<Agreement> list() { return List.copyOf(agreements.values()); }
        @Override public void insert(Agreement agreement) { throw new UnsupportedOperationException(); }
        @Override public void update(Agreement agreement) { throw new UnsupportedOperationException(); }
        @Override public List<Agreement> listByRecipient(String id) { throw new UnsupportedOperationException(); }
    }

    private final class Organisations implements OrganisationStore {
        @Override public Optional<Organisation> find(String id) { return Optional.ofNullable(organisations.get(id)); }
        @Override public List<Organisation> list() { return List.copyOf(organisations.values()); }
        @Override public void insert(Organisation organisation) { throw new UnsupportedOperationException(); }
    }

    /** Subject keys in a map; erasing removes the key for good, as crypto-shredding does. */
    private static final class KeysInMemory implements SubjectKeyStore {
        private final Map<String, SubjectKey> bySubject = new HashMap<>();

        @Override
        public synchronized Optional<SubjectKey> findBySubject(String subjectId) {
            return Optional.ofNullable(bySubject.get(subjectId));
        }

        @Override
        public synchronized Optional<SubjectKey> findByKeyId(String keyId) {
            return bySubject.values().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        }

        @Override
        public synchronized SubjectKey createIfAbsent(SubjectKey candidate) {
            return bySubject.computeIfAbsent(candidate.subjectId(), s -> candidate);
        }

        @Override
        public synchronized boolean erase(String subjectId) {
            return bySubject.remove(subjectId) != null;
        }
    }
}
