package io.pactum.bench;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.PrivacyTransformer;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.privacy.RecordView;
import io.pactum.core.privacy.ViewSpec;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.ConsentAction;
import io.pactum.core.sharing.ConsentLedger;
import io.pactum.core.sharing.ConsentReceipt;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.Purpose;
import io.pactum.core.sharing.Release;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Decision and transform for one record, as delivery will do for every message: the policy
 * decision point (1,000 agreements of 200 recipients over 500 products, compiled) finds the two
 * agreements covering a glucose record — a clinic under consent (care, full glucose) and an
 * analytics company under legitimate interest (product improvement, rounded, pseudonymised) —
 * decides each, and the privacy transformer builds each recipient's view. Reported per record,
 * so per recipient is half of it. The clock moves a minute per call so no rate limit bites.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SharingDecisionBenchmark {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private PolicyDecisionPoint pdp;
    private PrivacyTransformer transformer;
    private final Map<String, ViewSpec> specs = new HashMap<>();
    private CanonicalRecord record;
    private Instant now = T0.plus(Duration.ofDays(1));

    @Setup
    public void prepare() {
        ConsentLedger consents = new ConsentLedger();
        consents.apply(new ConsentReceipt("receipt-1", ConsentReceipt.VERSION, T0, "subject-7", "operator", "clinic",
                Purpose.HEALTHCARE, LegalBasis.CONSENT, ConsentAction.GIVEN, "api", "client-1"));
        pdp = new PolicyDecisionPoint(consents);
        List<Agreement> agreements = new ArrayList<>();
        agreements.add(agreement("a-clinic", "clinic", Map.of("glucose", FieldTransform.KEEP,
                "sensorSerial", FieldTransform.PSEUDONYMISE), Purpose.HEALTHCARE, LegalBasis.CONSENT, null));
        agreements.add(agreement("a-analytics", "analytics", Map.of("glucose", FieldTransform.round(0.5),
                "battery", FieldTransform.round(10), "sensorSerial", FieldTransform.PSEUDONYMISE),
                Purpose.PRODUCT_IMPROVEMENT, LegalBasis.LEGITIMATE_INTEREST, ChronoUnit.HOURS));
        for (int i = 0; i < 998; i++) {
            agreements.add(new Agreement("other-" + i, "recipient-" + (i % 200), Set.of("product-" + (i % 500)), Set.of(),
                    Map.of("glucose", FieldTransform.KEEP), Purpose.RESEARCH, LegalBasis.CONTRACT, T0, null, 1000, null,
                    List.of(), AgreementState.ACTIVE, T0, T0));
        }
        pdp.recompile(agreements, Map.of());
        for (Agreement agreement : agreements) {
            specs.put(agreement.id(), new ViewSpec(agreement.recipientId(), agreement.fields(), agreement.timeResolution()));
        }
        transformer = new PrivacyTransformer(Pseudonymiser.fromKeysetJson(Pseudonymiser.generateKeysetJson()));
        record = new CanonicalRecord("record-1", "glucose-0001", "product-glucose", "subject-7", Channel.TELEMETRY,
                T0, T0, List.of(
                        new FieldValue("glucose", FieldType.NUMBER, 5.43, "mmol/L", DataCategory.HEALTH),
                        new FieldValue("battery", FieldType.INTEGER, 87L, "%", DataCategory.TECHNICAL),
                        new FieldValue("sensorSerial", FieldType.STRING, "CGM7-2026-000123", null, DataCategory.IDENTIFIER)),
                new Provenance("mqtt", IntegrityMethod.COSE_MAC0, 42L), false);
    }

    private static Agreement agreement(String id, String recipient, Map<String, FieldTransform> fields, Purpose purpose,
            LegalBasis basis, ChronoUnit resolution) {
        return new Agreement(id, recipient, Set.of("product-glucose"), Set.of(), fields, purpose, basis, T0, null, 1000,
                resolution, List.of(), AgreementState.ACTIVE, T0, T0);
    }

    /** Decide for every agreement covering the record, and build each allowed recipient's view. */
    @Benchmark
    public List<RecordView> decideAndTransform() {
        now = now.plusSeconds(60);
        List<Release> releases = pdp.releases(record, now);
        List<RecordView> views = new ArrayList<>(releases.size());
        for (Release release : releases) {
            views.add(transformer.view(record, specs.get(release.agreementId())));
        }
        if (views.size() != 2) {
            throw new IllegalStateException("expected two recipients, got " + views.size());
        }
        return views;
    }

    /** The decisions alone. */
    @Benchmark
    public List<Release> decideOnly() {
        now = now.plusSeconds(60);
        return pdp.releases(record, now);
    }
}
