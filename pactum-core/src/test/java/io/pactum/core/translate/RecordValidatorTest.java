package io.pactum.core.translate;

import static io.pactum.core.translate.Products.GLUCOSE;
import static io.pactum.core.translate.Products.TOY;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    private static final Instant T0 = Instant.parse("2025-01-14T08:00:00Z");
    private final RecordValidator glucose = new RecordValidator(GLUCOSE);

    @Test
    void wellTypedReadings_becomeTypedValuesWithDeclaredUnitAndCategory() {
        ValidationResult result = glucose.validate(Readings.of(
                new Reading("glucose", 6L, "mmol/L", T0),
                new Reading("battery", 80.0, null, null),
                new Reading("trend", "steady", null, null)));

        assertThat(result.valid()).isTrue();
        assertThat(result.values()).containsExactly(
                new TypedReading("glucose", FieldType.NUMBER, 6.0, "mmol/L", DataCategory.HEALTH, T0, true),
                new TypedReading("battery", FieldType.INTEGER, 80L, "%EL", DataCategory.TECHNICAL, null, true),
                new TypedReading("trend", FieldType.STRING, "steady", null, DataCategory.HEALTH, null, true));
    }

    @Test
    void fractionalValueForIntegerField_andStringForNumber_areTypeMismatches() {
        ValidationResult result = glucose.validate(Readings.of(
                new Reading("battery", 80.5, null, null),
                new Reading("glucose", "5.4", null, null)));

        assertThat(result.values()).isEmpty();
        assertThat(result.violations()).containsExactly(
                new Violation(ViolationKind.TYPE_MISMATCH, "battery", "battery is a fractional number, expected an integer"),
                new Violation(ViolationKind.TYPE_MISMATCH, "glucose", "glucose is a string, expected a finite number"));
        assertThat(result.wellFormed()).isFalse();
    }

    @Test
    void nanAndInfinity_areTypeMismatches() {
        ValidationResult result = glucose.validate(Readings.of(
                new Reading("glucose", Double.NaN, null, null),
                new Reading("battery", Double.POSITIVE_INFINITY, null, null)));

        assertThat(result.violations()).extracting(Violation::kind)
                .containsExactly(ViolationKind.TYPE_MISMATCH, ViolationKind.TYPE_MISMATCH);
        assertThat(result.violations().get(0).message()).isEqualTo("glucose is not a finite number, expected a finite number");
    }

    @Test
    void wrongUnit_isRejectedNamingBothUnits() {
        ValidationResult result = glucose.validate(Readings.of(new Reading("glucose", 97L, "mg/dL", null)));

        assertThat(result.values()).isEmpty();
        assertThat(result.violations()).containsExactly(new Violation(ViolationKind.UNIT_MISMATCH, "glucose",
                "glucose is in 'mg/dL', the field's unit is 'mmol/L'"));
    }

    @Test
    void unitOnAUnitlessField_isRejected() {
        ValidationResult result = glucose.validate(Readings.of(new Reading("trend", "up", "Cel", null)));

        assertThat(result.violations()).extracting(Violation::kind).containsExactly(ViolationKind.UNIT_MISMATCH);
    }

    @Test
    void outOfRangeValue_isImplausibleNotMalformed_andKeptMarked() {
        ValidationResult result = glucose.validate(Readings.of(
                new Reading("glucose", 45.0, "mmol/L", null),
                new Reading("battery", -1L, null, null),
                new Reading("trend", "up", null, null)));

        assertThat(result.valid()).isFalse();
        assertThat(result.wellFormed()).as("only implausible values: the product policy decides").isTrue();
        assertThat(result.violations()).containsExactly(
                new Violation(ViolationKind.OUT_OF_RANGE, "glucose", "glucose is above its plausible maximum 30.0"),
                new Violation(ViolationKind.OUT_OF_RANGE, "battery", "battery is below its plausible minimum 0.0"));
        assertThat(result.values()).extracting(TypedReading::field, TypedReading::plausible).containsExactly(
                org.assertj.core.groups.Tuple.tuple("glucose", false),
                org.assertj.core.groups.Tuple.tuple("battery", false),
                org.assertj.core.groups.Tuple.tuple("trend", true));
        assertThat(ViolationKind.OUT_OF_RANGE.implausible()).isTrue();
        assertThat(ViolationKind.TYPE_MISMATCH.implausible()).isFalse();
    }

    @Test
    void rangeBounds_areInclusive() {
        assertThat(glucose.validate(Readings.of(new Reading("glucose", 30.0, null, null),
                new Reading("battery", 0L, null, null))).valid()).isTrue();
    }

    @Test
    void repeatedFieldWithDistinctTimes_isAccepted_withoutTimesIsAmbiguous() {
        ValidationResult series = glucose.validate(Readings.of(
                new Reading("glucose", 5.4, null, T0), new Reading("glucose", 5.6, null, T0.plusSeconds(300))));
        ValidationResult ambiguous = glucose.validate(Readings.of(
                new Reading("glucose", 5.4, null, null), new Reading("glucose", 5.6, null, null),
                new Reading("trend", "up", null, null)));
        ValidationResult sameTime = glucose.validate(Readings.of(
                new Reading("glucose", 5.4, null, T0), new Reading("glucose", 5.6, null, T0)));

        assertThat(series.valid()).isTrue();
        assertThat(series.values()).hasSize(2);
        assertThat(ambiguous.violations()).containsExactly(
                new Violation(ViolationKind.DUPLICATE_FIELD, "glucose", "glucose occurs 2 times without distinct times"));
        assertThat(ambiguous.values()).extracting(TypedReading::field).containsExactly("trend");
        assertThat(sameTime.violations()).extracting(Violation::kind).containsExactly(ViolationKind.DUPLICATE_FIELD);
    }

    @Test
    void messageWithNoKnownField_isRejected_butASubsetIsFine() {
        assertThat(glucose.validate(Readings.of()).violations()).extracting(Violation::kind)
                .containsExactly(ViolationKind.NO_KNOWN_FIELDS);
        assertThat(glucose.validate(Readings.of(new Reading("trend", "up", null, null))).valid()).isTrue();
    }

    @Test
    void readingForUndeclaredField_isRejected() {
        ValidationResult result = new RecordValidator(TOY).validate(Readings.of(new Reading("glucose", 5.0, null, null)));

        assertThat(result.violations()).extracting(Violation::kind)
                .containsExactly(ViolationKind.UNKNOWN_FIELD, ViolationKind.NO_KNOWN_FIELDS);
    }

    @Test
    void booleanField_acceptsOnlyBooleans() {
        RecordValidator toy = new RecordValidator(TOY);

        assertThat(toy.validate(Readings.of(new Reading("lightOn", true, null, null))).valid()).isTrue();
        assertThat(toy.validate(Readings.of(new Reading("lightOn", 1L, null, null))).violations())
                .containsExactly(new Violation(ViolationKind.TYPE_MISMATCH, "lightOn", "lightOn is an integer, expected a boolean"));
    }

    @Test
    void missingFieldsInJsonMessage_areNotAnError_butAnEmptyMessageIs() {
        PayloadTranslator translator = PayloadTranslators.create(io.pactum.core.registry.PayloadFormat.JSON,
                TranslationSpec.defaultFor(io.pactum.core.registry.PayloadFormat.JSON), GLUCOSE, Products.CLOCK);

        ValidationResult subset = glucose.validate(translator.translate(Products.utf8("{\"glucose\": 5.2}")));
        ValidationResult none = glucose.validate(translator.translate(Products.utf8("{\"firmware\": \"1.0\"}")));

        assertThat(subset.valid()).isTrue();
        assertThat(none.violations()).extracting(Violation::kind).containsExactly(ViolationKind.NO_KNOWN_FIELDS);
    }
}
