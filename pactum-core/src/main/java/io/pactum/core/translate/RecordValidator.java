package io.pactum.core.translate;

import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a message's readings against a product's data model: type, unit, plausible range, and
 * that a field's values can be told apart. Fields are optional (a message may carry a subset), but a
 * message must carry at least one. Violation messages name fields, units and limits, never values.
 */
public final class RecordValidator {
    /** Integral doubles up to 2^53 are exact; beyond that "integral" says nothing about the reading. */
    private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992.0;

    private final DataModel model;

    public RecordValidator(DataModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public ValidationResult validate(Readings readings) {
        Objects.requireNonNull(readings, "readings");
        List<TypedReading> values = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Set<String> ambiguous = ambiguousFields(readings, violations);
        boolean anyKnown = false;
        for (Reading reading : readings.readings()) {
            FieldSpec spec = model.field(reading.field()).orElse(null);
            if (spec == null) {
                violations.add(new Violation(ViolationKind.UNKNOWN_FIELD, reading.field(),
                        "'" + reading.field() + "' is not a field of the data model"));
                continue;
            }
            anyKnown = true;
            if (ambiguous.contains(spec.name())) {
                continue;
            }
            TypedReading value = check(spec, reading, violations);
            if (value != null) {
                values.add(value);
            }
        }
        if (!anyKnown) {
            violations.add(new Violation(ViolationKind.NO_KNOWN_FIELDS, null,
                    "the message carries no value of any field of the data model"));
        }
        return new ValidationResult(values, violations);
    }

    /**
     * Several values of one field are fine when each has its own time (a SenML pack of samples);
     * without distinct times nobody can say which one is the field's value.
     */
    private static Set<String> ambiguousFields(Readings readings, List<Violation> violations) {
        Map<String, List<@Nullable Instant>> times = new LinkedHashMap<>();
        for (Reading r : readings.readings()) {
            times.computeIfAbsent(r.field(), k -> new ArrayList<>()).add(r.time());
        }
        Set<String> ambiguous = new HashSet<>();
        times.forEach((field, list) -> {
            if (list.size() > 1 && (list.contains(null) || new HashSet<>(list).size() < list.size())) {
                ambiguous.add(field);
                violations.add(new Violation(ViolationKind.DUPLICATE_FIELD, field,
                        field + " occurs " + list.size() + " times without distinct times"));
            }
        });
        return ambiguous;
    }

    private static @Nullable TypedReading check(FieldSpec spec, Reading reading, List<Violation> violations) {
        Object typed = typed(spec.type(), reading.value());
        boolean ok = true;
        if (typed == null) {
            violations.add(new Violation(ViolationKind.TYPE_MISMATCH, spec.name(), spec.name() + " is "
                    + describe(reading.value()) + ", expected " + expected(spec.type())));
            ok = false;
        }
        String unit = reading.unit();
        if (unit != null && !unit.equals(spec.unit())) {
            violations.add(new Violation(ViolationKind.UNIT_MISMATCH, spec.name(), spec.name() + " is in '"
                    + printable(unit) + "', the field's unit is "
                    + (spec.unit() == null ? "none" : "'" + spec.unit() + "'")));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        boolean plausible = true;
        if (typed instanceof Number number) {
            double v = number.doubleValue();
            if (spec.min() != null && v < spec.min()) {
                violations.add(new Violation(ViolationKind.OUT_OF_RANGE, spec.name(),
                        spec.name() + " is below its plausible minimum " + spec.min()));
                plausible = false;
            } else if (spec.max() != null && v > spec.max()) {
                violations.add(new Violation(ViolationKind.OUT_OF_RANGE, spec.name(),
                        spec.name() + " is above its plausible maximum " + spec.max()));
                plausible = false;
            }
        }
        return new TypedReading(spec.name(), spec.type(), typed, spec.unit(), spec.category(), reading.time(), plausible);
    }

    /** The value as the field's type, or null if it is not of that type. */
    private static @Nullable Object typed(FieldType type, Object value) {
        return switch (type) {
            case NUMBER -> {
                if (value instanceof Long l) {
                    yield l.doubleValue();
                }
                yield value instanceof Double d && Double.isFinite(d) ? d : null;
            }
            case INTEGER -> {
                if (value instanceof Long) {
                    yield value;
                }
                // SenML encoders and unit conversions often produce 5.0 for 5.
                yield value instanceof Double d && Double.isFinite(d) && d == Math.rint(d)
                        && Math.abs(d) <= MAX_EXACT_INTEGER ? (Object) d.longValue() : null;
            }
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case STRING -> value instanceof String ? value : null;
        };
    }

    private static String describe(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return "not a finite number";
        }
        if (value instanceof Double) {
            return "a fractional number";
        }
        if (value instanceof Long) {
            return "an integer";
        }
        return value instanceof Boolean ? "a boolean" : "a string";
    }

    private static String expected(FieldType type) {
        return switch (type) {
            case NUMBER -> "a finite number";
            case INTEGER -> "an integer";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
        };
    }

    private static String printable(String unit) {
        String safe = unit.chars().anyMatch(Character::isISOControl) ? unit.replaceAll("\\p{Cntrl}", "?") : unit;
        return safe.length() > 32 ? safe.substring(0, 32) + "..." : safe;
    }
}
