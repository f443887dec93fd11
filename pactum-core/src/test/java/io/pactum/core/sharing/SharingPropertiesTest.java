package io.pactum.core.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.TransformKind;
import io.pactum.core.registry.DataCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the decision point over random agreements, group memberships, consent and records:
 * nothing outside an agreement's fields ever leaves, and nothing leaves under an agreement that is
 * not active and valid, or that does not cover the record.
 */
class SharingPropertiesTest {
    private static final List<String> FIELDS = List.of("glucose", "heartRate", "battery", "latitude", "longitude", "steps");
    private static final List<String> PRODUCTS = List.of("p1", "p2", "p3");
    private static final List<String> DEVICES = List.of("d1", "d2", "d3", "d4");
    private static final List<String> RECIPIENTS = List.of("org-a", "org-b");
    private static final Map<String, Set<String>> GROUPS = Map.of("g1", Set.of("d1", "d2"), "g2", Set.of("d3"));
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** An agreement without its id; ids are given by position so they are unique. */
    private record Draft(String recipient, Set<String> products, Set<String> groups, Map<String, FieldTransform> fields,
            Purpose purpose, LegalBasis basis, Validity validity, AgreementState state) {
        Agreement toAgreement(int index) {
            Instant from = NOW.plus(Duration.ofHours(validity.fromOffsetHours()));
            Instant until = validity.lengthHours() == null ? null : from.plus(Duration.ofHours(validity.lengthHours()));
            Set<String> scopeProducts = products.isEmpty() && groups.isEmpty() ? Set.of("p1") : products;
            return new Agreement("agr-" + index, recipient, scopeProducts, groups, fields, purpose, basis, from, until,
                    1_000, null, List.of(), state, from.minusSeconds(60), from.minusSeconds(60));
        }
    }

    /** Validity relative to {@link #NOW}: start offset, and length (absent: open-ended). */
    private record Validity(long fromOffsetHours, Long lengthHours) {}

    @Provide
    Arbitrary<List<Agreement>> agreements() {
        Arbitrary<Validity> validity = Combinators.combine(Arbitraries.longs().between(-48, 48),
                Arbitraries.longs().between(1, 72).injectNull(0.4)).as(Validity::new);
        Arbitrary<FieldTransform> transform = Arbitraries.of(FieldTransform.KEEP, FieldTransform.DROP,
                FieldTransform.PSEUDONYMISE, FieldTransform.round(0.5), FieldTransform.coarsenLocation(0.1));
        Arbitrary<Map<String, FieldTransform>> fields = Arbitraries.maps(Arbitraries.of(FIELDS), transform)
                .ofMinSize(1).ofMaxSize(4);
        Arbitrary<Draft> draft = Combinators.combine(
                Arbitraries.of(RECIPIENTS),
                Arbitraries.of(PRODUCTS).set().ofMaxSize(2),
                Arbitraries.of(GROUPS.keySet()).set().ofMaxSize(1),
                fields,
                Arbitraries.of(Purpose.HEALTHCARE, Purpose.RESEARCH),
                Arbitraries.of(LegalBasis.CONSENT, LegalBasis.CONTRACT),
                validity,
                Arbitraries.of(AgreementState.class))
                .as(Draft::new);
        return draft.list().ofMaxSize(6).map(drafts -> {
            List<Agreement> result = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                result.add(drafts.get(i).toAgreement(i));
            }
            return result;
        });
    }

    @Provide
    Arbitrary<CanonicalRecord> records() {
        Arbitrary<FieldValue> field = Combinators.combine(
                        Arbitraries.of(FIELDS),
                        Arbitraries.doubles().between(-90, 90))
                .as((name, value) -> new FieldValue(name, io.pactum.core.registry.FieldType.NUMBER, value, null,
                        DataCategory.HEALTH));
        Arbitrary<List<FieldValue>> fields = field.list().ofMinSize(1).ofMaxSize(6)
                .uniqueElements(FieldValue::name);
        return Combinators.combine(Arbitraries.of(DEVICES), Arbitraries.of(PRODUCTS),
                        Arbitraries.of("s1", "s2").injectNull(0.3), fields)
                .as((device, product, subject, values) -> Sharing.record("r", device, product, subject, values));
    }

    @Provide
    Arbitrary<List<ConsentReceipt>> consents() {
        Arbitrary<ConsentReceipt> receipt = Combinators.combine(Arbitraries.of("s1", "s2"), Arbitraries.of(RECIPIENTS),
                        Arbitraries.of(Purpose.HEALTHCARE, Purpose.RESEARCH), Arbitraries.of(ConsentAction.class),
                        Arbitraries.integers().between(0, 1_000))
                .as((subject, recipient, purpose, action, n) -> new ConsentChange(subject, recipient, purpose, action, "api")
                        .toReceipt("cr-" + n, "org-operator", "client", NOW.minusSeconds(1_000 - n)));
        return receipt.list().ofMaxSize(8);
    }

    private static PolicyDecisionPoint pdp(List<Agreement> agreements, List<ConsentReceipt> consents) {
        ConsentLedger ledger = new ConsentLedger();
        ledger.applyAll(consents);
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(ledger);
        pdp.recompile(agreements, GROUPS);
        return pdp;
    }

    private static Map<String, Agreement> byId(List<Agreement> agreements) {
        Map<String, Agreement> byId = new HashMap<>();
        agreements.forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    @Property(tries = 500)
    void noFieldOutsideAnAgreementsFieldsEverLeaves(@ForAll("agreements") List<Agreement> agreements,
            @ForAll("records") CanonicalRecord record, @ForAll("consents") List<ConsentReceipt> consents) {
        Map<String, Agreement> byId = byId(agreements);
        for (Release release : pdp(agreements, consents).releases(record, NOW)) {
            Agreement agreement = byId.get(release.agreementId());
            assertThat(release.recipientId()).isEqualTo(agreement.recipientId());
            for (ReleasedField field : release.fields()) {
                assertThat(agreement.fields()).containsKey(field.name());
                assertThat(field.transform()).isEqualTo(agreement.fields().get(field.name()));
                assertThat(field.transform().kind()).isNotEqualTo(TransformKind.DROP);
            }
            assertThat(release.fields()).isNotEmpty();
        }
    }

    @Property(tries = 500)
    void nothingLeavesUnderAnAgreementNotInForceOrNotCoveringTheRecord(
            @ForAll("agreements") List<Agreement> agreements, @ForAll("records") CanonicalRecord record,
            @ForAll("consents") List<ConsentReceipt> consents) {
        Map<String, Agreement> byId = byId(agreements);
        for (Release release : pdp(agreements, consents).releases(record, NOW)) {
            Agreement agreement = byId.get(release.agreementId());
            assertThat(agreement.state()).isEqualTo(AgreementState.ACTIVE);
            assertThat(agreement.isValidAt(NOW)).isTrue();
            boolean covers = agreement.productIds().contains(record.productId())
                    || agreement.deviceGroupIds().stream()
                            .anyMatch(g -> GROUPS.getOrDefault(g, Set.of()).contains(record.deviceId()));
            assertThat(covers).isTrue();
        }
    }

    @Property(tries = 500)
    void underConsentSomethingLeavesOnlyWhileTheLatestReceiptGaveIt(@ForAll("agreements") List<Agreement> agreements,
            @ForAll("records") CanonicalRecord record, @ForAll("consents") List<ConsentReceipt> consents) {
        Map<String, Agreement> byId = byId(agreements);
        ConsentLedger reference = new ConsentLedger();
        reference.applyAll(consents);
        for (Release release : pdp(agreements, consents).releases(record, NOW)) {
            Agreement agreement = byId.get(release.agreementId());
            if (agreement.legalBasis() == LegalBasis.CONSENT) {
                assertThat(record.subjectId()).isNotNull();
                ConsentReceipt latest = reference.latest(record.subjectId(), agreement.recipientId(),
                        agreement.purpose()).orElseThrow();
                assertThat(latest.action()).isEqualTo(ConsentAction.GIVEN);
                assertThat(release.decision().consentReceiptId()).isEqualTo(latest.receiptId());
            }
        }
    }

    @Property(tries = 300)
    void everyCoveringAgreementIsAccountedFor(@ForAll("agreements") List<Agreement> agreements,
            @ForAll("records") CanonicalRecord record) {
        List<ConsentReceipt> none = List.of();
        // Without any consent, an agreement that is in force, covers the record and names one of its fields
        // releases exactly when it rests on something other than consent.
        List<Release> outcomes = pdp(agreements, none).evaluate(record, NOW);
        for (Release outcome : outcomes) {
            Agreement agreement = byId(agreements).get(outcome.agreementId());
            boolean namesAField = record.fields().stream().anyMatch(f -> agreement.releasedTransform(f.name()) != null);
            boolean expected = agreement.isInForceAt(NOW) && namesAField && agreement.legalBasis() != LegalBasis.CONSENT;
            assertThat(outcome.allowed()).as(outcome.decision().explanation()).isEqualTo(expected);
        }
        long covering = agreements.stream().filter(a -> a.productIds().contains(record.productId())
                || a.deviceGroupIds().stream().anyMatch(g -> GROUPS.get(g).contains(record.deviceId()))).count();
        assertThat(outcomes).hasSize((int) covering);
    }
}
