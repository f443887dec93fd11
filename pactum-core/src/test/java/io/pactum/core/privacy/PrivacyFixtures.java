package io.pactum.core.privacy;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Canonical records for privacy tests, and one shared master keyset (generating one per test is slow). */
final class PrivacyFixtures {
    static final String KEYSET = Pseudonymiser.generateKeysetJson();
    static final Pseudonymiser PSEUDONYMISER = Pseudonymiser.fromKeysetJson(KEYSET);
    static final Instant TIME = Instant.parse("2026-11-23T09:17:42.123456Z");

    private PrivacyFixtures() {}

    static CanonicalRecord record(@Nullable String subjectId, FieldValue... fields) {
        return record("rec-0001", "dev-glucose-0001", subjectId, TIME, List.of(fields));
    }

    static CanonicalRecord record(String id, String deviceId, @Nullable String subjectId, Instant time,
            List<FieldValue> fields) {
        return new CanonicalRecord(id, deviceId, "prod-glucose", subjectId, Channel.TELEMETRY, time, time,
                fields, new Provenance("mqtt", IntegrityMethod.COSE_MAC0, 7L), false);
    }

    static FieldValue number(String name, double value) {
        return new FieldValue(name, FieldType.NUMBER, value, "mmol/L", DataCategory.HEALTH);
    }

    static FieldValue integer(String name, long value) {
        return new FieldValue(name, FieldType.INTEGER, value, "count", DataCategory.TECHNICAL);
    }

    static FieldValue bool(String name, boolean value) {
        return new FieldValue(name, FieldType.BOOLEAN, value, null, DataCategory.TECHNICAL);
    }

    static FieldValue string(String name, String value, DataCategory category) {
        return new FieldValue(name, FieldType.STRING, value, null, category);
    }

    static FieldValue location(String name, double degrees) {
        return new FieldValue(name, FieldType.NUMBER, degrees, "deg", DataCategory.LOCATION);
    }
}
