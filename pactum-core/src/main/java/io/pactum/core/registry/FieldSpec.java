package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One field of a product's data model: its type, unit, plausible range and data category.
 * A range applies to numeric fields only and may be open on either side.
 */
public record FieldSpec(
        String name,
        FieldType type,
        @Nullable String unit,
        @Nullable Double min,
        @Nullable Double max,
        DataCategory category) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public FieldSpec {
        Checks.present("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("name",
                    "name must start with a letter and hold at most 64 letters, digits or '_'");
        }
        Checks.present("type", type);
        unit = Checks.optionalText("unit", unit);
        Checks.present("category", category);
        if ((min != null || max != null) && !type.isNumeric()) {
            throw new InvalidInputException(min != null ? "min" : "max",
                    "a plausible range is allowed only for number and integer fields");
        }
        checkFinite("min", min);
        checkFinite("max", max);
        if (min != null && max != null && min > max) {
            throw new InvalidInputException("min", "min must not be greater than max");
        }
    }

    private static void checkFinite(String field, @Nullable Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new InvalidInputException(field, field + " must be a finite number");
        }
    }
}
