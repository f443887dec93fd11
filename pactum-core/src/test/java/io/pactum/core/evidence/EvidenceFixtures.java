package io.pactum.core.evidence;

import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.ConsentAction;
import io.pactum.core.sharing.ConsentReceipt;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import io.pactum.core.translate.TranslationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Real registry and sharing records for the evidence tests. */
final class EvidenceFixtures {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final EvidencePeriod YEAR = new EvidencePeriod(T0, Instant.parse("2027-01-01T00:00:00Z"));

    private EvidenceFixtures() {}

    static Instant at(String text) {
        return Instant.parse(text);
    }

    static Organisation organisation(String id, String name, OrganisationRole role) {
        return new Organisation(id, name, role, at("2025-01-01T00:00:00Z"));
    }

    /** A glucose meter: glucose (health), latitude (location), battery (technical), kept for 90 days. */
    static Product glucoseMeter(String id, String supplierId, ApprovalState state, Instant decided) {
        DataModel model = new DataModel(List.of(
                new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.0, 40.0, DataCategory.HEALTH),
                new FieldSpec("latitude", FieldType.NUMBER, "deg", -90.0, 90.0, DataCategory.LOCATION),
                new FieldSpec("battery", FieldType.NUMBER, "%", 0.0, 100.0, DataCategory.TECHNICAL)));
        return new Product(id, supplierId, "Glucose One", "1.0", model, PayloadFormat.JSON, TranslationSpec.DEFAULTS,
                new IngestPolicy(true, null, 90), state, null, at("2025-06-01T00:00:00Z"), decided);
    }

    static Agreement agreement(String id, String recipientId, Set<String> products, Set<String> groups,
            Map<String, FieldTransform> fields, Purpose purpose, LegalBasis basis, Instant validFrom,
            Instant validUntil, AgreementState state, Instant created, Instant updated) {
        return new Agreement(id, recipientId, products, groups, fields, purpose, basis, validFrom, validUntil, 100,
                null, List.of(), state, created, updated);
    }

    /** An active agreement for product {@code p1}, releasing glucose, valid over the given span. */
    static Agreement span(String id, Instant from, Instant until) {
        return agreement(id, "clinic", Set.of("p1"), Set.of(), Map.of("glucose", FieldTransform.KEEP),
                Purpose.HEALTHCARE, LegalBasis.CONSENT, from, until, AgreementState.ACTIVE, from, from);
    }

    static ConsentReceipt receipt(String id, String subject, ConsentAction action, Instant at) {
        return new ConsentReceipt(id, ConsentReceipt.VERSION, at, subject, "operator", "clinic", Purpose.HEALTHCARE,
                LegalBasis.CONSENT, action, "api", "admin-client");
    }
}
