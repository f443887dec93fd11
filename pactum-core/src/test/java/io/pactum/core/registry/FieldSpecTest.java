package io.pactum.core.registry;

import static io.pactum.core.registry.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSpecTest {

    private static FieldSpec number(Double min, Double max) {
        return new FieldSpec("temperature", FieldType.NUMBER, "Cel", min, max, DataCategory.TECHNICAL);
    }

    @Test
    void numberField_withClosedRange_isAccepted() {
        FieldSpec spec = number(-40.0, 85.0);
        assertThat(spec.min()).isEqualTo(-40.0);
        assertThat(spec.max()).isEqualTo(85.0);
    }

    @Test
    void numericField_withRangeOpenOnEitherSide_isAccepted() {
        assertThat(number(null, 85.0).min()).isNull();
        assertThat(number(-40.0, null).max()).isNull();
        assertThat(new FieldSpec("count", FieldType.INTEGER, null, 0.0, null, DataCategory.TECHNICAL).min())
                .isEqualTo(0.0);
    }

    @Test
    void range_withMinEqualToMax_isAccepted() {
        assertThat(number(5.0, 5.0).max()).isEqualTo(5.0);
    }

    @Test
    void unit_isStripped() {
        assertThat(new FieldSpec("t", FieldType.NUMBER, " Cel ", null, null, DataCategory.TECHNICAL).unit())
                .isEqualTo("Cel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "heartRate", "spo2_pct", "T"})
    void name_matchingPattern_isAccepted(String name) {
        assertThat(new FieldSpec(name, FieldType.BOOLEAN, null, null, null, DataCategory.HEALTH).name())
                .isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "_private", "heart-rate", "heart rate", "a.b", "temp/1", "émission"})
    void name_notMatchingPattern_isRejectedNamingName(String name) {
        assertRejectedOn("name",
                () -> new FieldSpec(name, FieldType.NUMBER, null, null, null, DataCategory.TECHNICAL));
    }

    @Test
    void name_of64Characters_isAccepted_and65_isRejected() {
        String max = "a".repeat(64);
        assertThat(new FieldSpec(max, FieldType.STRING, null, null, null, DataCategory.TECHNICAL).name())
                .isEqualTo(max);
        assertRejectedOn("name", () -> new FieldSpec(max + "a", FieldType.STRING, null, null, null,
                DataCategory.TECHNICAL));
    }

    @Test
    void name_null_isRejectedNamingName() {
        assertRejectedOn("name", () -> new FieldSpec(null, FieldType.NUMBER, null, null, null, DataCategory.TECHNICAL));
    }

    @Test
    void type_null_isRejectedNamingType() {
        assertRejectedOn("type", () -> new FieldSpec("t", null, null, 1.0, 2.0, DataCategory.TECHNICAL));
    }

    @Test
    void category_null_isRejectedNamingCategory() {
        assertRejectedOn("category", () -> new FieldSpec("t", FieldType.NUMBER, null, null, null, null));
    }

    @Test
    void unit_blank_isRejectedNamingUnit() {
        assertRejectedOn("unit", () -> new FieldSpec("t", FieldType.NUMBER, "  ", null, null, DataCategory.TECHNICAL));
    }

    @ParameterizedTest
    @EnumSource(value = FieldType.class, names = {"BOOLEAN", "STRING"})
    void min_onNonNumericField_isRejectedNamingMin(FieldType type) {
        assertRejectedOn("min", () -> new FieldSpec("flag", type, null, 0.0, null, DataCategory.TECHNICAL));
    }

    @ParameterizedTest
    @EnumSource(value = FieldType.class, names = {"BOOLEAN", "STRING"})
    void max_onNonNumericField_isRejectedNamingMax(FieldType type) {
        assertRejectedOn("max", () -> new FieldSpec("flag", type, null, null, 1.0, DataCategory.TECHNICAL));
    }

    @Test
    void min_greaterThanMax_isRejectedNamingMin() {
        var e = assertRejectedOn("min", () -> number(10.0, 9.5));
        assertThat(e.getMessage()).contains("greater than max");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void min_notFinite_isRejectedNamingMin(double value) {
        assertRejectedOn("min", () -> number(value, null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void max_notFinite_isRejectedNamingMax(double value) {
        assertRejectedOn("max", () -> number(0.0, value));
    }

    @Test
    void nanMin_withFiniteMax_isRejectedRatherThanSlippingPastTheOrderCheck() {
        // NaN > max is false, so only the finiteness check stands between NaN and the data model.
        assertRejectedOn("min", () -> number(Double.NaN, 10.0));
    }
}
