package io.pactum.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever readings arrive, every value the validator accepts satisfies the data model
 * (type, unit, range), and a message it calls valid lost none of its readings. Seeded, so a failure
 * reproduces; the seed is in the assertion message.
 */
class RecordValidatorPropertyTest {
    private static final int RUNS = 3000;
    private static final String[] UNITS = {"Cel", "%RH", "mmol/L", "V", "%EL"};

    @Test
    void acceptedValues_alwaysSatisfyTheDataModel() {
        Random random = new Random(8428);
        int valid = 0;
        for (int run = 0; run < RUNS; run++) {
            DataModel model = model(random);
            List<Reading> list = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                list.add(reading(random, model));
            }
            Readings readings = new Readings(list);
            ValidationResult result = new RecordValidator(model).validate(readings);
            assertSatisfies(model, result, "run " + run);
            if (result.valid()) {
                valid++;
                assertThat(result.values()).as("run %d: a valid message keeps every reading", run).hasSize(readings.size());
            }
        }
        assertThat(valid).as("the generator must also produce valid messages, or the property says nothing")
                .isGreaterThan(RUNS / 20);
    }

    @Test
    void jsonPayloadsThroughTranslatorAndValidator_storeOnlyModelConformingValues() {
        Random random = new Random(6901);
        int valid = 0;
        for (int run = 0; run < RUNS; run++) {
            DataModel model = model(random);
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            for (FieldSpec f : model.fields()) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                Object v = value(random, f);
                if (v instanceof Double d) {
                    json.put(f.name(), d);
                } else if (v instanceof Long l) {
                    json.put(f.name(), l);
                } else if (v instanceof Boolean b) {
                    json.put(f.name(), b);
                } else {
                    json.put(f.name(), (String) v);
                }
            }
            PayloadTranslator translator = PayloadTranslators.create(PayloadFormat.JSON,
                    TranslationSpec.defaultFor(PayloadFormat.JSON), model, Products.CLOCK);
            ValidationResult result = new RecordValidator(model).validate(
                    translator.translate(json.toString().getBytes(StandardCharsets.UTF_8)));
            assertSatisfies(model, result, "run " + run + " " + json);
            valid += result.valid() ? 1 : 0;
        }
        assertThat(valid).isGreaterThan(RUNS / 20);
    }

    private static void assertSatisfies(DataModel model, ValidationResult result, String where) {
        for (TypedReading value : result.values()) {
            FieldSpec spec = model.field(value.field()).orElseThrow(() -> new AssertionError(where + ": undeclared " + value));
            assertThat(value.type()).as(where).isEqualTo(spec.type());
            assertThat(value.unit()).as(where).isEqualTo(spec.unit());
            assertThat(value.category()).as(where).isEqualTo(spec.category());
            switch (spec.type()) {
                case NUMBER -> assertThat(value.value()).as(where).isInstanceOf(Double.class)
                        .matches(v -> Double.isFinite((Double) v), "finite");
                case INTEGER -> assertThat(value.value()).as(where).isInstanceOf(Long.class);
                case BOOLEAN -> assertThat(value.value()).as(where).isInstanceOf(Boolean.class);
                case STRING -> assertThat(value.value()).as(where).isInstanceOf(String.class);
            }
            if (value.plausible() && value.value() instanceof Number n) {
                double v = n.doubleValue();
                assertThat(spec.min() == null || v >= spec.min()).as(where + ": below min " + value).isTrue();
                assertThat(spec.max() == null || v <= spec.max()).as(where + ": above max " + value).isTrue();
            }
            if (result.valid()) {
                assertThat(value.plausible()).as(where).isTrue();
            }
        }
    }

    private static DataModel model(Random random) {
        int count = 1 + random.nextInt(5);
        List<FieldSpec> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FieldType type = FieldType.values()[random.nextInt(FieldType.values().length)];
            Double min = null;
            Double max = null;
            if (type.isNumeric() && random.nextBoolean()) {
                min = (double) (random.nextInt(200) - 100);
                max = min + random.nextInt(200);
            }
            String unit = random.nextBoolean() ? UNITS[random.nextInt(UNITS.length)] : null;
            DataCategory category = DataCategory.values()[random.nextInt(DataCategory.values().length)];
            fields.add(new FieldSpec("f" + i, type, unit, min, max, category));
        }
        return new DataModel(fields);
    }

    private static Reading reading(Random random, DataModel model) {
        FieldSpec spec = model.fields().get(random.nextInt(model.fields().size()));
        String field = random.nextInt(20) == 0 ? "unknown" : spec.name();
        Object value = random.nextInt(5) == 0 ? anyValue(random) : value(random, spec);
        String unit = switch (random.nextInt(4)) {
            case 0 -> UNITS[random.nextInt(UNITS.length)];
            case 1 -> spec.unit();
            default -> null;
        };
        Instant time = random.nextBoolean() ? Instant.ofEpochSecond(1_736_841_600L + random.nextInt(10)) : null;
        return new Reading(field, value, unit, time);
    }

    /** A value of the field's type, sometimes out of its range. */
    private static Object value(Random random, FieldSpec spec) {
        return switch (spec.type()) {
            case NUMBER -> random.nextBoolean() ? (double) (random.nextInt(400) - 200) / 3 : (long) (random.nextInt(400) - 200);
            case INTEGER -> random.nextInt(5) == 0 ? (double) (random.nextInt(400) - 200) : (long) (random.nextInt(400) - 200);
            case BOOLEAN -> random.nextBoolean();
            case STRING -> "s" + random.nextInt(100);
        };
    }

    private static Object anyValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> Double.NaN;
            case 1 -> Double.NEGATIVE_INFINITY;
            case 2 -> random.nextDouble() * 1e20;
            case 3 -> random.nextLong();
            case 4 -> random.nextBoolean();
            case 5 -> String.valueOf(random.nextInt());
            default -> 0.5;
        };
    }

}
