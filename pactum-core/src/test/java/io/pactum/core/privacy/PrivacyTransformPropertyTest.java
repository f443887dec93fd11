package io.pactum.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the privacy transforms, for random records, scopes, ids and numbers (issue #4, Must show 2). */
class PrivacyTransformPropertyTest {
    /** Field names: none is a substring of another, so a name found in JSON is that field. */
    private static final List<String> NAMES = List.of("glucose", "battery", "latitude", "longitude", "patientRef",
            "serial", "heartRate", "steps", "alarm", "firmware", "note", "room");

    private final PrivacyTransformer transformer = new PrivacyTransformer(PrivacyFixtures.PSEUDONYMISER);

    // --- (a) no field outside the scope ever appears -----------------------------------------

    @Property(tries = 500)
    void noFieldOutsideTheScopeEverAppearsInAView(
            @ForAll("records") CanonicalRecord record,
            @ForAll("scopes") Map<String, FieldTransform> scope,
            @ForAll("recipients") String recipient) {
        RecordView view = transformer.view(record, recipient, scope, null);

        Set<String> passed = scope.entrySet().stream()
                .filter(e -> e.getValue().kind() != TransformKind.DROP)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(view.fields()).extracting(ViewField::name).allMatch(passed::contains);
        assertThat(view.withheld()).allMatch(passed::contains);

        // Every in-scope field is either in the view or named as withheld: nothing silently lost.
        Set<String> accounted = new HashSet<>(view.withheld());
        view.fields().forEach(f -> accounted.add(f.name()));
        record.fields().stream().map(FieldValue::name).filter(passed::contains).forEach(
                name -> assertThat(accounted).contains(name));

        // And on the wire: no other name, and no out-of-scope string value, appears in the JSON.
        JsonNode json = view.toJsonNode();
        json.get("fields").forEach(f -> assertThat(passed).contains(f.get("name").asText()));
        String text = view.toJson();
        Set<Object> inScopeValues = record.fields().stream().filter(f -> passed.contains(f.name()))
                .map(FieldValue::value).collect(Collectors.toSet());
        for (FieldValue field : record.fields()) {
            if (!passed.contains(field.name())) {
                assertThat(text).doesNotContain("\"" + field.name() + "\"");
                if (field.value() instanceof String s && !inScopeValues.contains(s)) {
                    assertThat(text).doesNotContain(s);
                }
            }
        }
        assertThat(text).doesNotContain(record.id(), record.deviceId());
        if (record.subjectId() != null) {
            assertThat(text).doesNotContain(record.subjectId());
        }
    }

    // --- (b) pseudonyms: stable per recipient, different across recipients -------------------

    @Property(tries = 500)
    void pseudonymsAreEqualForTheSameSubjectAndRecipient_andDifferAcrossRecipients(
            @ForAll("ids") String subject, @ForAll("recipients") String r1, @ForAll("recipients") String r2) {
        Assume.that(!r1.equals(r2));
        CanonicalRecord record = PrivacyFixtures.record("rec-1", "dev-1", subject, PrivacyFixtures.TIME,
                List.of(PrivacyFixtures.number("glucose", 5.4)));
        Map<String, FieldTransform> scope = Map.of("glucose", FieldTransform.KEEP);

        RecordView first = transformer.view(record, r1, scope, null);
        RecordView again = transformer.view(record, r1, scope, null);
        RecordView other = transformer.view(record, r2, scope, null);

        assertThat(again.subjectPseudonym()).isEqualTo(first.subjectPseudonym());
        assertThat(again.devicePseudonym()).isEqualTo(first.devicePseudonym());
        assertThat(other.subjectPseudonym()).isNotEqualTo(first.subjectPseudonym());
        assertThat(other.devicePseudonym()).isNotEqualTo(first.devicePseudonym());
        assertThat(Pseudonymiser.fromKeysetJson(PrivacyFixtures.KEYSET).pseudonym(r1, subject))
                .isEqualTo(first.subjectPseudonym());
    }

    @Property(tries = 300)
    void differentSubjectsGetDifferentPseudonyms(
            @ForAll("ids") String s1, @ForAll("ids") String s2, @ForAll("recipients") String recipient) {
        Assume.that(!s1.equals(s2));
        RecipientPseudonymiser keyed = PrivacyFixtures.PSEUDONYMISER.forRecipient(recipient);

        assertThat(keyed.pseudonym(s1)).isNotEqualTo(keyed.pseudonym(s2));
    }

    // --- (c) a pseudonym never equals or contains the raw value ------------------------------

    @Property(tries = 500)
    void aPseudonymNeverEqualsOrContainsTheRawValue(
            @ForAll("unicodeValues") String value, @ForAll("recipients") String recipient) {
        String pseudonym = PrivacyFixtures.PSEUDONYMISER.pseudonym(recipient, value);

        assertThat(pseudonym).hasSize(22).isNotEqualTo(value).doesNotContain(value);
    }

    @Property(tries = 500)
    void aPseudonymNeverContainsARawValueWrittenInItsOwnAlphabet(
            @ForAll("base64urlValues") String value, @ForAll("recipients") String recipient) {
        String pseudonym = PrivacyFixtures.PSEUDONYMISER.pseudonym(recipient, value);

        assertThat(pseudonym).isNotEqualTo(value).doesNotContain(value);
    }

    // --- (d) generalisation lands on the grid, within one step -------------------------------

    @Property(tries = 1000)
    void roundGivesAMultipleOfTheStep_withinHalfAStep(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double value, @ForAll("steps") double step) {
        double result = (Double) generalised(PrivacyFixtures.number("x", value), FieldTransform.round(step)).value();

        assertMultiple(result, step);
        assertThat(Math.abs(result - value)).isLessThanOrEqualTo(step / 2 + tolerance(value, step));
    }

    @Property(tries = 1000)
    void coarsenGivesTheGridLineAtOrBelow_withinOneStep(
            @ForAll @DoubleRange(min = -180, max = 180) double degrees, @ForAll("steps") double step) {
        double result = (Double) generalised(PrivacyFixtures.location("x", degrees), FieldTransform.coarsenLocation(step))
                .value();

        assertMultiple(result, step);
        assertThat(result).isLessThanOrEqualTo(degrees + tolerance(degrees, step));
        assertThat(degrees - result).isLessThan(step + tolerance(degrees, step));
    }

    @Property(tries = 1000)
    void roundingAnIntegerWithAnIntegralStep_givesAnIntegerMultiple_withinHalfAStep(
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long value,
            @ForAll @LongRange(min = 1, max = 1_000_000) long step) {
        ViewField field = generalised(PrivacyFixtures.integer("n", value), FieldTransform.round(step));

        assertThat(field.type()).isEqualTo(FieldType.INTEGER);
        long result = (Long) field.value();
        assertThat(result % step).isZero();
        assertThat(2 * Math.abs(result - value)).isLessThanOrEqualTo(step);
    }

    private ViewField generalised(FieldValue field, FieldTransform transform) {
        RecordView view = transformer.view(PrivacyFixtures.record("s", field), "org-any", Map.of(field.name(), transform), null);
        assertThat(view.withheld()).isEmpty();
        return view.fields().get(0);
    }

    private static void assertMultiple(double result, double step) {
        double quotient = result / step;
        assertThat(Math.abs(quotient - Math.rint(quotient))).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(quotient)));
    }

    private static double tolerance(double value, double step) {
        return 1e-9 * Math.max(Math.abs(value), step);
    }

    // --- generators --------------------------------------------------------------------------

    @Provide
    Arbitrary<String> recipients() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '0', '9').ofMinLength(1).ofMaxLength(24)
                .map(s -> "org-" + s);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
                Arbitraries.strings().alpha().numeric().withChars('-', '_', '.').ofMinLength(1).ofMaxLength(40),
                unicodeValues());
    }

    /** Well-formed Unicode strings (any code point but lone surrogates) of at least 8 characters. */
    @Provide
    Arbitrary<String> unicodeValues() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMinSize(8).ofMaxSize(40)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    /**
     * Values made only of base64url characters, the hardest case for "does not contain". From 8
     * characters on, the chance that a 22-character random pseudonym contains a given one is below
     * 15/2⁴⁸ per try: a failure here would mean the raw value leaks, not bad luck.
     */
    @Provide
    Arbitrary<String> base64urlValues() {
        return Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(8).ofMaxLength(30);
    }

    @Provide
    Arbitrary<Double> steps() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0001, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 100.0),
                Arbitraries.doubles().between(0.0001, 1000).ofScale(6).filter(d -> d > 0));
    }

    @Provide
    Arbitrary<CanonicalRecord> records() {
        Arbitrary<List<FieldValue>> fields = fieldValues().list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<String> subject = ids().map(id -> "subj-" + id).injectNull(0.2);
        return Combinators.combine(ids(), ids(), subject, fields)
                .as((id, device, subj, fs) -> PrivacyFixtures.record("rec-" + id, "dev-" + device, subj,
                        Instant.parse("2026-11-23T09:00:00Z"), fs));
    }

    private Arbitrary<FieldValue> fieldValues() {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<DataCategory> category = Arbitraries.of(DataCategory.class);
        Arbitrary<String> marker = Arbitraries.strings().alpha().numeric().ofLength(16).map(s -> "raw-" + s);
        return Arbitraries.oneOf(
                Combinators.combine(name, Arbitraries.doubles().between(-1e9, 1e9), category)
                        .as((n, v, c) -> new FieldValue(n, FieldType.NUMBER, v, "u", c)),
                Combinators.combine(name, Arbitraries.longs(), category)
                        .as((n, v, c) -> new FieldValue(n, FieldType.INTEGER, v, null, c)),
                Combinators.combine(name, Arbitraries.of(true, false), category)
                        .as((n, v, c) -> new FieldValue(n, FieldType.BOOLEAN, v, null, c)),
                Combinators.combine(name, marker, category)
                        .as((n, v, c) -> new FieldValue(n, FieldType.STRING, v, null, c)));
    }

    @Provide
    Arbitrary<Map<String, FieldTransform>> scopes() {
        Arbitrary<FieldTransform> transform = Arbitraries.oneOf(
                Arbitraries.of(FieldTransform.KEEP, FieldTransform.DROP, FieldTransform.PSEUDONYMISE),
                steps().map(FieldTransform::round),
                steps().map(FieldTransform::coarsenLocation));
        return Arbitraries.maps(Arbitraries.of(NAMES), transform).ofMinSize(0).ofMaxSize(NAMES.size());
    }
}
