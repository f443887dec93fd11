package io.pactum.bench;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.PrivacyTransformer;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.privacy.RecipientPseudonymiser;
import io.pactum.core.privacy.RecordView;
import io.pactum.core.privacy.ViewSpec;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The privacy transform of one record for one recipient: a glucose record with a data subject and
 * four fields (glucose kept, battery rounded to 10 %, sensor serial pseudonymised, signal strength
 * dropped), time truncated to the minute. The view carries three more pseudonyms (record, device,
 * subject), so {@code view} computes four HMACs. The recipient's key is already derived (cached),
 * as it is after the recipient's first message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrivacyTransformBenchmark {
    private static final String RECIPIENT = "org-clinic-berlin";

    private PrivacyTransformer transformer;
    private Pseudonymiser pseudonymiser;
    private RecipientPseudonymiser recipient;
    private CanonicalRecord record;
    private ViewSpec spec;

    @Setup
    public void prepare() {
        pseudonymiser = Pseudonymiser.fromKeysetJson(Pseudonymiser.generateKeysetJson());
        transformer = new PrivacyTransformer(pseudonymiser);
        recipient = pseudonymiser.forRecipient(RECIPIENT);
        Instant measured = Instant.parse("2026-11-23T09:17:42.123456Z");
        record = new CanonicalRecord("0b6f3c1e-5a7d-4f1e-9d2a-3c4b5a6f7e81", "bench-glucose-0001", "prod-cgm-7",
                "subject-7f3a9c21", Channel.TELEMETRY, measured, measured.plusMillis(180),
                List.of(
                        new FieldValue("glucose", FieldType.NUMBER, 5.43, "mmol/L", DataCategory.HEALTH),
                        new FieldValue("battery", FieldType.INTEGER, 87L, "%", DataCategory.TECHNICAL),
                        new FieldValue("sensorSerial", FieldType.STRING, "CGM7-2026-000123", null, DataCategory.IDENTIFIER),
                        new FieldValue("rssi", FieldType.INTEGER, -71L, "dBm", DataCategory.TECHNICAL)),
                new Provenance("mqtt", IntegrityMethod.COSE_MAC0, 42L), false);
        spec = new ViewSpec(RECIPIENT, Map.of(
                "glucose", FieldTransform.KEEP,
                "battery", FieldTransform.round(10),
                "sensorSerial", FieldTransform.PSEUDONYMISE,
                "rssi", FieldTransform.DROP), ChronoUnit.MINUTES);
    }

    /** One record to one recipient's view (scope, 3 transforms + drop, 4 pseudonyms, time). */
    @Benchmark
    public RecordView view() {
        return transformer.view(record, spec);
    }

    /** The view and its JSON text, as a delivery channel would send it. */
    @Benchmark
    public String viewAsJson() {
        return transformer.view(record, spec).toJson();
    }

    /** One pseudonym with the recipient's key in hand (one truncated HMAC-SHA256, base64url). */
    @Benchmark
    public String pseudonym() {
        return recipient.pseudonym("subject-7f3a9c21");
    }

    /** One pseudonym including the cached per-recipient key lookup. */
    @Benchmark
    public String pseudonymWithKeyLookup() {
        return pseudonymiser.pseudonym(RECIPIENT, "subject-7f3a9c21");
    }
}
