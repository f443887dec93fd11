package io.pactum.core.translate;

import io.pactum.core.error.InvalidInputException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which SenML record name (after base-name resolution) carries one data-model field.
 *
 * @param name the resolved SenML name, e.g. {@code urn:dev:glucose-0001:glucose}, matched exactly
 * @param unit the unit the device sends for this name; required with a conversion, so that a value
 *     in some other unit is never converted as if it were in this one
 * @param scale with {@code offset}, an optional linear conversion into the field's declared unit
 */
public record SenmlMapping(
        String field,
        String name,
        @Nullable String unit,
        @Nullable Double scale,
        @Nullable Double offset) {

    /** RFC 8428 §4.5.1: the characters a resolved name may hold. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:./_-]{0,255}");

    public SenmlMapping {
        SpecChecks.field("field", field);
        if (name == null) {
            throw new InvalidInputException("name", "name is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "name must be a resolved SenML name (RFC 8428 §4.5.1): "
                    + "a letter or digit, then letters, digits, '-', ':', '.', '/' or '_', at most 256 characters");
        }
        if (unit != null && (unit.isBlank() || unit.length() > 64 || unit.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("unit", "unit must be 1-64 characters without control characters");
        }
        SpecChecks.conversion(scale, offset);
        if (LinearConversion.present(scale, offset) && unit == null) {
            throw new InvalidInputException("unit", "a mapping with a conversion names the unit it converts from");
        }
    }
}
