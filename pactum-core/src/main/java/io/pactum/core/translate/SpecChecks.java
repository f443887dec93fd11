package io.pactum.core.translate;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.FieldType;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks shared by the translation-spec records; each failure names the offending member. */
final class SpecChecks {
    /** Same rule as a data-model field name, so a typo fails here rather than silently never matching. */
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    /** A conversion factor beyond this is a typo, not a unit conversion. */
    private static final double MAX_FACTOR = 1e12;

    private SpecChecks() {}

    static String field(String member, @Nullable String value) {
        if (value == null) {
            throw new InvalidInputException(member, member + " is required");
        }
        if (!FIELD.matcher(value).matches()) {
            throw new InvalidInputException(member,
                    member + " must name a data-model field: a letter, then at most 63 letters, digits or '_'");
        }
        return value;
    }

    static void conversion(@Nullable Double scale, @Nullable Double offset) {
        if (scale != null) {
            if (!Double.isFinite(scale) || scale == 0 || Math.abs(scale) > MAX_FACTOR) {
                throw new InvalidInputException("scale", "scale must be a finite, non-zero number of magnitude at most 1e12");
            }
        }
        if (offset != null && (!Double.isFinite(offset) || Math.abs(offset) > MAX_FACTOR)) {
            throw new InvalidInputException("offset", "offset must be a finite number of magnitude at most 1e12");
        }
    }

    /** A conversion into an integer field must keep integers integral. */
    static boolean keepsIntegers(@Nullable Double scale, @Nullable Double offset) {
        return (scale == null || scale == Math.rint(scale)) && (offset == null || offset == Math.rint(offset));
    }

    static void convertibleInto(String member, FieldType type, @Nullable Double scale, @Nullable Double offset) {
        if (scale == null && offset == null) {
            return;
        }
        if (!type.isNumeric()) {
            throw new InvalidInputException(member, member + ": a unit conversion applies only to number and integer fields");
        }
        if (type == FieldType.INTEGER && !keepsIntegers(scale, offset)) {
            throw new InvalidInputException(member,
                    member + ": an integer field needs an integral scale and offset");
        }
    }
}
