package io.pactum.core.sharing;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Test data for the sharing package: a glucose meter, its subject, and agreements about it. */
final class Sharing {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String PRODUCT = "prod-glucose";
    static final String DEVICE = "glucose-1";
    static final String SUBJECT = "subject-7";
    static final String CARE = "org-care";
    static final String OPERATOR = "org-operator";

    private Sharing() {}

    /** An active agreement for {@link #CARE} on the glucose product, care purpose, contract, from T0 - 1 day. */
    static Agreement agreement(String id) {
        return new Agreement(id, CARE, Set.of(PRODUCT), Set.of(),
                Map.of("glucose", FieldTransform.KEEP, "battery", FieldTransform.round(5)),
                Purpose.HEALTHCARE, LegalBasis.CONTRACT, T0.minus(1, ChronoUnit.DAYS), null, 100, null,
                List.of(new CommandGrant("calibrate", Set.of(DEVICE), Set.of())), AgreementState.ACTIVE,
                T0.minus(2, ChronoUnit.DAYS), T0.minus(2, ChronoUnit.DAYS));
    }

    static Agreement with(Agreement a, AgreementState state) {
        return a.withState(state, a.updatedAt());
    }

    static Agreement validity(Agreement a, Instant from, @Nullable Instant until) {
        return new Agreement(a.id(), a.recipientId(), a.productIds(), a.deviceGroupIds(), a.fields(), a.purpose(),
                a.legalBasis(), from, until, a.rateLimitPerMinute(), a.timeResolution(), a.commands(), a.state(),
                a.createdAt(), a.updatedAt());
    }

    static Agreement basis(Agreement a, LegalBasis basis) {
        return new Agreement(a.id(), a.recipientId(), a.productIds(), a.deviceGroupIds(), a.fields(), a.purpose(),
                basis, a.validFrom(), a.validUntil(), a.rateLimitPerMinute(), a.timeResolution(), a.commands(),
                a.state(), a.createdAt(), a.updatedAt());
    }

    static Agreement rate(Agreement a, int perMinute) {
        return new Agreement(a.id(), a.recipientId(), a.productIds(), a.deviceGroupIds(), a.fields(), a.purpose(),
                a.legalBasis(), a.validFrom(), a.validUntil(), perMinute, a.timeResolution(), a.commands(),
                a.state(), a.createdAt(), a.updatedAt());
    }

    static Agreement purpose(Agreement a, Purpose purpose) {
        return new Agreement(a.id(), a.recipientId(), a.productIds(), a.deviceGroupIds(), a.fields(), purpose,
                a.legalBasis(), a.validFrom(), a.validUntil(), a.rateLimitPerMinute(), a.timeResolution(),
                a.commands(), a.state(), a.createdAt(), a.updatedAt());
    }

    static FieldValue number(String name, double value, DataCategory category) {
        return new FieldValue(name, FieldType.NUMBER, value, null, category);
    }

    /** A glucose reading of {@link #DEVICE} about {@link #SUBJECT}, with glucose, battery and location. */
    static CanonicalRecord reading(@Nullable String subjectId) {
        return record("r-1", DEVICE, PRODUCT, subjectId, List.of(
                number("glucose", 5.4, DataCategory.HEALTH),
                number("battery", 87.0, DataCategory.TECHNICAL),
                number("latitude", 52.37, DataCategory.LOCATION)));
    }

    static CanonicalRecord record(String id, String deviceId, String productId, @Nullable String subjectId,
            List<FieldValue> fields) {
        return new CanonicalRecord(id, deviceId, productId, subjectId, Channel.TELEMETRY, T0.minusSeconds(7),
                T0, fields, new Provenance("mqtt", IntegrityMethod.NONE, null), false);
    }

    static ConsentReceipt consent(String receiptId, ConsentAction action, Instant at) {
        return new ConsentChange(SUBJECT, CARE, Purpose.HEALTHCARE, action, ConsentChange.METHOD_API)
                .toReceipt(receiptId, OPERATOR, "client-app", at);
    }
}
