package io.pactum.core.privacy;

import static io.pactum.core.privacy.PrivacyFixtures.bool;
import static io.pactum.core.privacy.PrivacyFixtures.integer;
import static io.pactum.core.privacy.PrivacyFixtures.location;
import static io.pactum.core.privacy.PrivacyFixtures.number;
import static io.pactum.core.privacy.PrivacyFixtures.record;
import static io.pactum.core.privacy.PrivacyFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PrivacyTransformerTest {
    private static final String CLINIC = "org-clinic";

    private final PrivacyTransformer transformer = new PrivacyTransformer(PrivacyFixtures.PSEUDONYMISER);
    private final RecipientPseudonymiser clinic = PrivacyFixtures.PSEUDONYMISER.forRecipient(CLINIC);

    private RecordView view(CanonicalRecord record, Map<String, FieldTransform> fields) {
        return transformer.view(record, CLINIC, fields, null);
    }

    private @Nullable ViewField only(FieldValue field, FieldTransform transform) {
        RecordView view = view(record("subject-1", field), Map.of(field.name(), transform));
        assertThat(view.fields().size() + view.withheld().size()).isLessThanOrEqualTo(1);
        return view.fields().isEmpty() ? null : view.fields().get(0);
    }

    private Object value(FieldValue field, FieldTransform transform) {
        ViewField result = only(field, transform);
        assertThat(result).as("field %s was withheld", field.name()).isNotNull();
        return result.value();
    }

    // --- scope -------------------------------------------------------------------------------

    @Test
    void view_containsOnlyFieldsNamedInTheSpec_whateverTheirCategory() {
        CanonicalRecord record = record("subject-1",
                number("glucose", 5.4),
                string("serial", "SN-0001", DataCategory.TECHNICAL),
                integer("battery", 87),
                location("lat", 52.5234));

        RecordView view = view(record, Map.of("glucose", FieldTransform.KEEP, "unknown", FieldTransform.KEEP));

        assertThat(view.fields()).extracting(ViewField::name).containsExactly("glucose");
        assertThat(view.withheld()).isEmpty();
    }

    @Test
    void drop_removesTheField_withoutCountingItAsWithheld() {
        RecordView view = view(record("subject-1", number("glucose", 5.4), integer("battery", 87)),
                Map.of("glucose", FieldTransform.KEEP, "battery", FieldTransform.DROP));

        assertThat(view.fields()).extracting(ViewField::name).containsExactly("glucose");
        assertThat(view.withheld()).isEmpty();
    }

    @Test
    void emptyScope_givesAViewWithoutFields() {
        RecordView view = view(record("subject-1", number("glucose", 5.4)), Map.of());

        assertThat(view.fields()).isEmpty();
        assertThat(view.withheld()).isEmpty();
    }

    @Test
    void keep_copiesValueUnitAndCategory() {
        ViewField kept = only(number("glucose", 5.4), FieldTransform.KEEP);

        assertThat(kept).isEqualTo(new ViewField("glucose", FieldType.NUMBER, 5.4, "mmol/L", DataCategory.HEALTH,
                TransformKind.KEEP));
        assertThat(value(bool("low", true), FieldTransform.KEEP)).isEqualTo(true);
        assertThat(value(string("note", "ça va 🙂", DataCategory.BEHAVIOURAL), FieldTransform.KEEP)).isEqualTo("ça va 🙂");
    }

    // --- ids and time ------------------------------------------------------------------------

    @Test
    void ids_areTheRecipientsPseudonyms_neverTheRawIds() {
        RecordView view = view(record("subject-1", number("glucose", 5.4)), Map.of("glucose", FieldTransform.KEEP));

        assertThat(view.subjectPseudonym()).isEqualTo(clinic.pseudonym("subject-1")).isNotEqualTo("subject-1");
        assertThat(view.devicePseudonym()).isEqualTo(clinic.pseudonym("dev-glucose-0001"));
        assertThat(view.recordId()).isEqualTo(clinic.pseudonym("rec-0001"));
        assertThat(view.toJson()).doesNotContain("subject-1", "dev-glucose-0001", "rec-0001", "prod-glucose");
    }

    @Test
    void ids_differBetweenRecipients() {
        CanonicalRecord record = record("subject-1", number("glucose", 5.4));
        RecordView a = transformer.view(record, "org-a", Map.of("glucose", FieldTransform.KEEP), null);
        RecordView b = transformer.view(record, "org-b", Map.of("glucose", FieldTransform.KEEP), null);

        assertThat(a.subjectPseudonym()).isNotEqualTo(b.subjectPseudonym());
        assertThat(a.devicePseudonym()).isNotEqualTo(b.devicePseudonym());
        assertThat(a.recordId()).isNotEqualTo(b.recordId());
    }

    @Test
    void recordWithoutSubject_hasNoSubjectPseudonym() {
        RecordView view = view(record(null, number("glucose", 5.4)), Map.of("glucose", FieldTransform.KEEP));

        assertThat(view.subjectPseudonym()).isNull();
        assertThat(view.toJsonNode().get("subjectPseudonym").isNull()).isTrue();
    }

    @Test
    void time_isKeptToTheMicrosecond_withoutResolution_andTruncatedWithOne() {
        CanonicalRecord record = record("subject-1", number("glucose", 5.4));
        Map<String, FieldTransform> scope = Map.of("glucose", FieldTransform.KEEP);

        assertThat(transformer.view(record, CLINIC, scope, null).time()).isEqualTo(PrivacyFixtures.TIME);
        assertThat(transformer.view(record, CLINIC, scope, ChronoUnit.MINUTES).time())
                .isEqualTo(Instant.parse("2026-11-23T09:17:00Z"));
        assertThat(transformer.view(record, CLINIC, scope, ChronoUnit.HOURS).time())
                .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(transformer.view(record, CLINIC, scope, ChronoUnit.DAYS).time())
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void time_truncatesToIsoWeekMonthAndYear_inUtc() {
        // 2026-11-23 is a Monday; 2026-11-29 a Sunday.
        assertThat(PrivacyTransformer.truncate(Instant.parse("2026-11-29T23:59:59Z"), ChronoUnit.WEEKS))
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(PrivacyTransformer.truncate(Instant.parse("2026-11-23T00:00:00Z"), ChronoUnit.WEEKS))
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(PrivacyTransformer.truncate(PrivacyFixtures.TIME, ChronoUnit.MONTHS))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(PrivacyTransformer.truncate(PrivacyFixtures.TIME, ChronoUnit.YEARS))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(PrivacyTransformer.truncate(Instant.parse("1969-12-31T23:59:59.5Z"), ChronoUnit.SECONDS))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
    }

    @Test
    void spec_refusesResolutionsThatCannotTruncateAnInstant() {
        assertThatThrownBy(() -> new ViewSpec(CLINIC, Map.of(), ChronoUnit.DECADES))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ViewSpec(CLINIC, Map.of(), ChronoUnit.FOREVER))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ViewSpec("", Map.of(), null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void flagged_isCarriedIntoTheView() {
        CanonicalRecord flagged = new CanonicalRecord("r", "d", "p", null, io.pactum.core.ingest.Channel.TELEMETRY,
                PrivacyFixtures.TIME, PrivacyFixtures.TIME, List.of(number("glucose", 35.0)),
                new io.pactum.core.ingest.Provenance("mqtt", io.pactum.core.integrity.IntegrityMethod.NONE, null), true);

        assertThat(view(flagged, Map.of("glucose", FieldTransform.KEEP)).flagged()).isTrue();
    }

    // --- pseudonymise ------------------------------------------------------------------------

    @Test
    void pseudonymise_replacesAStringByTheRecipientsPseudonym_withoutUnit() {
        ViewField field = only(string("patientRef", "MRN-123456", DataCategory.IDENTIFIER), FieldTransform.PSEUDONYMISE);

        assertThat(field).isEqualTo(new ViewField("patientRef", FieldType.STRING, clinic.pseudonym("MRN-123456"), null,
                DataCategory.IDENTIFIER, TransformKind.PSEUDONYMISE));
    }

    @Test
    void pseudonymise_ofAFieldHoldingTheSubjectId_matchesTheSubjectPseudonym() {
        RecordView view = view(record("subject-1", string("owner", "subject-1", DataCategory.IDENTIFIER)),
                Map.of("owner", FieldTransform.PSEUDONYMISE));

        assertThat(view.fields().get(0).value()).isEqualTo(view.subjectPseudonym());
    }

    @Test
    void pseudonymise_ofNumbers_usesTheirCanonicalDecimalForm() {
        Object ofInteger = value(integer("room", 5), FieldTransform.PSEUDONYMISE);
        Object ofIntegralDouble = value(number("room", 5.0), FieldTransform.PSEUDONYMISE);

        assertThat(ofInteger).isEqualTo(clinic.pseudonym("5")).isEqualTo(ofIntegralDouble);
        assertThat(value(integer("room", -12), FieldTransform.PSEUDONYMISE)).isEqualTo(clinic.pseudonym("-12"));
        assertThat(value(number("x", -0.0), FieldTransform.PSEUDONYMISE)).isEqualTo(clinic.pseudonym("0"));
        assertThat(value(number("x", 0.5), FieldTransform.PSEUDONYMISE)).isEqualTo(clinic.pseudonym("0.5"));
        assertThat(value(number("x", 5.4), FieldTransform.PSEUDONYMISE))
                .isEqualTo(clinic.pseudonym("5.4000000000000003552713678800500929355621337890625"));
    }

    @Test
    void pseudonymise_ofABoolean_isWithheld() {
        RecordView view = view(record("subject-1", bool("low", true), number("glucose", 5.4)),
                Map.of("low", FieldTransform.PSEUDONYMISE, "glucose", FieldTransform.KEEP));

        assertThat(view.fields()).extracting(ViewField::name).containsExactly("glucose");
        assertThat(view.withheld()).containsExactly("low");
    }

    @Test
    void pseudonymise_ofAStringWithAnUnpairedSurrogate_isWithheld() {
        RecordView view = view(record("subject-1", string("name", "x\uD800", DataCategory.IDENTIFIER)),
                Map.of("name", FieldTransform.PSEUDONYMISE));

        assertThat(view.fields()).isEmpty();
        assertThat(view.withheld()).containsExactly("name");
    }

    // --- round -------------------------------------------------------------------------------

    @Test
    void round_toNearestMultipleOfStep() {
        assertThat(value(number("g", 5.44), FieldTransform.round(0.1))).isEqualTo(5.4);
        assertThat(value(number("g", 5.46), FieldTransform.round(0.1))).isEqualTo(5.5);
        assertThat(value(number("g", 123.4), FieldTransform.round(5))).isEqualTo(125.0);
        assertThat(value(number("g", -7.6), FieldTransform.round(1))).isEqualTo(-8.0);
        assertThat(value(number("g", 0.3), FieldTransform.round(0.25))).isEqualTo(0.25);
        assertThat(value(number("g", 1.0), FieldTransform.round(0.3))).isEqualTo(0.9);
    }

    @Test
    void round_tiesGoToTheEvenMultiple_asDecimalsAreWritten() {
        assertThat(value(number("g", 5.45), FieldTransform.round(0.1))).isEqualTo(5.4);
        assertThat(value(number("g", 5.55), FieldTransform.round(0.1))).isEqualTo(5.6);
        assertThat(value(number("g", 2.5), FieldTransform.round(1))).isEqualTo(2.0);
        assertThat(value(number("g", 3.5), FieldTransform.round(1))).isEqualTo(4.0);
        assertThat(value(number("g", -2.5), FieldTransform.round(1))).isEqualTo(-2.0);
        assertThat(value(number("g", 7.5), FieldTransform.round(5))).isEqualTo(10.0);
        assertThat(value(integer("n", 15), FieldTransform.round(10))).isEqualTo(20L);
        assertThat(value(integer("n", 25), FieldTransform.round(10))).isEqualTo(20L);
    }

    @Test
    void round_hasNoFloatingPointResidue() {
        Object rounded = value(number("g", 0.7), FieldTransform.round(0.1));

        assertThat(rounded).isEqualTo(0.7); // not 0.7000000000000001 (7 * 0.1 in doubles)
        assertThat(value(number("g", 0.29), FieldTransform.round(0.1))).isEqualTo(0.3);
    }

    @Test
    void round_ofAnIntegerWithIntegralStep_staysAnInteger() {
        ViewField field = only(integer("steps", 1234), FieldTransform.round(100));

        assertThat(field.type()).isEqualTo(FieldType.INTEGER);
        assertThat(field.value()).isEqualTo(1200L);
        assertThat(field.unit()).isEqualTo("count");
        assertThat(value(integer("n", -1250), FieldTransform.round(100))).isEqualTo(-1200L);
        assertThat(value(integer("n", Long.MIN_VALUE), FieldTransform.round(1))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void round_ofAnIntegerWithFractionalStep_becomesANumber() {
        ViewField field = only(integer("n", 1), FieldTransform.round(0.3));

        assertThat(field.type()).isEqualTo(FieldType.NUMBER);
        assertThat(field.value()).isEqualTo(0.9);
    }

    @Test
    void round_thatWouldOverflow_isWithheld_notSentRaw() {
        RecordView view = view(record("s", integer("n", Long.MAX_VALUE)), Map.of("n", FieldTransform.round(10)));
        RecordView huge = view(record("s", number("x", Double.MAX_VALUE)), Map.of("x", FieldTransform.round(1e308)));

        assertThat(view.fields()).isEmpty();
        assertThat(view.withheld()).containsExactly("n");
        assertThat(huge.fields()).isEmpty();
        assertThat(huge.withheld()).containsExactly("x");
    }

    @Test
    void round_ofABooleanOrString_isWithheld() {
        RecordView view = view(record("s", bool("low", false), string("note", "12.5", DataCategory.HEALTH),
                        number("glucose", 5.4)),
                Map.of("low", FieldTransform.round(1), "note", FieldTransform.round(1), "glucose", FieldTransform.round(1)));

        assertThat(view.fields()).extracting(ViewField::name).containsExactly("glucose");
        assertThat(view.withheld()).containsExactly("low", "note");
        assertThat(view.toJson()).doesNotContain("12.5");
    }

    @Test
    void round_neverProducesNegativeZero() {
        Object rounded = value(number("t", -0.2), FieldTransform.round(1));

        assertThat(rounded).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits((Double) rounded)).isZero();
    }

    // --- coarsen location --------------------------------------------------------------------

    @Test
    void coarsen_floorsToTheGrid() {
        assertThat(value(location("lat", 52.5234), FieldTransform.coarsenLocation(0.01))).isEqualTo(52.52);
        assertThat(value(location("lat", 52.5299), FieldTransform.coarsenLocation(0.01))).isEqualTo(52.52);
        assertThat(value(location("lat", 52.53), FieldTransform.coarsenLocation(0.01))).isEqualTo(52.53);
        assertThat(value(location("lon", 13.4049), FieldTransform.coarsenLocation(0.1))).isEqualTo(13.4);
        assertThat(value(location("lon", 13.4049), FieldTransform.coarsenLocation(0.25))).isEqualTo(13.25);
    }

    @Test
    void coarsen_ofNegativeCoordinates_floorsTowardsMinusInfinity() {
        assertThat(value(location("lat", -33.8688), FieldTransform.coarsenLocation(0.01))).isEqualTo(-33.87);
        assertThat(value(location("lon", -0.001), FieldTransform.coarsenLocation(0.01))).isEqualTo(-0.01);
        assertThat(value(location("lon", -0.1278), FieldTransform.coarsenLocation(1))).isEqualTo(-1.0);
        assertThat(value(location("lon", -180.0), FieldTransform.coarsenLocation(0.5))).isEqualTo(-180.0);
    }

    @Test
    void coarsen_keepsValuesOnTheGridLine_andZeroAsPositiveZero() {
        assertThat(value(location("lat", 0.0), FieldTransform.coarsenLocation(0.01))).isEqualTo(0.0);
        Object negZero = value(location("lat", -0.0), FieldTransform.coarsenLocation(0.01));
        assertThat(Double.doubleToRawLongBits((Double) negZero)).isZero();
        assertThat(value(location("lat", 90.0), FieldTransform.coarsenLocation(0.01))).isEqualTo(90.0);
    }

    @Test
    void coarsen_ofAnIntegerWithIntegralStep_staysAnInteger() {
        assertThat(value(integer("x", -7), FieldTransform.coarsenLocation(5))).isEqualTo(-10L);
        assertThat(value(integer("x", 7), FieldTransform.coarsenLocation(5))).isEqualTo(5L);
    }

    @Test
    void coarsen_ofAString_isWithheld() {
        RecordView view = view(record("s", string("place", "52.5234,13.4049", DataCategory.LOCATION)),
                Map.of("place", FieldTransform.coarsenLocation(0.01)));

        assertThat(view.fields()).isEmpty();
        assertThat(view.withheld()).containsExactly("place");
    }

    // --- json --------------------------------------------------------------------------------

    @Test
    void view_serialisesToJson() {
        RecordView view = transformer.view(record("subject-1", number("glucose", 5.44), integer("battery", 87),
                        string("patientRef", "MRN-1", DataCategory.IDENTIFIER), bool("low", false)),
                CLINIC,
                Map.of("glucose", FieldTransform.round(0.1), "battery", FieldTransform.KEEP,
                        "patientRef", FieldTransform.PSEUDONYMISE, "low", FieldTransform.round(1)),
                ChronoUnit.MINUTES);

        String expected = "{\"recordId\":\"" + clinic.pseudonym("rec-0001") + "\","
                + "\"devicePseudonym\":\"" + clinic.pseudonym("dev-glucose-0001") + "\","
                + "\"subjectPseudonym\":\"" + clinic.pseudonym("subject-1") + "\","
                + "\"time\":\"2026-11-23T09:17:00Z\",\"flagged\":false,\"fields\":["
                + "{\"name\":\"glucose\",\"type\":\"number\",\"value\":5.4,\"unit\":\"mmol/L\",\"category\":\"health\",\"transform\":\"round\"},"
                + "{\"name\":\"battery\",\"type\":\"integer\",\"value\":87,\"unit\":\"count\",\"category\":\"technical\",\"transform\":\"keep\"},"
                + "{\"name\":\"patientRef\",\"type\":\"string\",\"value\":\"" + clinic.pseudonym("MRN-1")
                + "\",\"unit\":null,\"category\":\"identifier\",\"transform\":\"pseudonymise\"}],"
                + "\"withheld\":[\"low\"]}";
        assertThat(view.toJson()).isEqualTo(expected);
    }

    @Test
    void viewField_refusesValuesThatDoNotMatchTheirType() {
        assertThatThrownBy(() -> new ViewField("g", FieldType.NUMBER, Double.NaN, null, DataCategory.HEALTH,
                TransformKind.KEEP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ViewField("g", FieldType.INTEGER, 5.0, null, DataCategory.HEALTH,
                TransformKind.KEEP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ViewField("g", FieldType.NUMBER, 5.0, null, DataCategory.HEALTH,
                TransformKind.DROP)).isInstanceOf(IllegalArgumentException.class);
    }
}
