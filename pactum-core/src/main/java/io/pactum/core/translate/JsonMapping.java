package io.pactum.core.translate;

import com.fasterxml.jackson.core.JsonPointer;
import io.pactum.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Where one data-model field sits in a JSON payload.
 *
 * @param pointer RFC 6901 JSON pointer to the value, e.g. {@code /sensors/0/value}
 * @param scale with {@code offset}, an optional linear conversion {@code value * scale + offset}
 *     into the field's declared unit; absent members mean 1 and 0
 * @param timePointer optional JSON pointer to the measurement time: a number of seconds since the
 *     Unix epoch or an RFC 3339 string
 */
public record JsonMapping(
        String field,
        String pointer,
        @Nullable Double scale,
        @Nullable Double offset,
        @Nullable String timePointer) {

    public JsonMapping {
        SpecChecks.field("field", field);
        checkPointer("pointer", pointer);
        SpecChecks.conversion(scale, offset);
        if (timePointer != null) {
            checkPointer("timePointer", timePointer);
        }
    }

    /** The default: the field is the top-level member of the same name. */
    public static JsonMapping topLevel(String field) {
        return new JsonMapping(field, "/" + field, null, null, null);
    }

    static JsonPointer checkPointer(String member, @Nullable String pointer) {
        if (pointer == null) {
            throw new InvalidInputException(member, member + " is required");
        }
        // The empty pointer names the whole document, which is never a field's value.
        if (!pointer.startsWith("/") || pointer.length() > 256) {
            throw new InvalidInputException(member,
                    member + " must be a JSON pointer (RFC 6901) starting with '/', at most 256 characters");
        }
        // RFC 6901: '~' only as '~0' or '~1'; Jackson's parser is lenient about other escapes.
        if (pointer.matches(".*~([^01].*|)$")) {
            throw new InvalidInputException(member, member + " is not a valid JSON pointer (RFC 6901): '~' must be followed by 0 or 1");
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(member, member + " is not a valid JSON pointer (RFC 6901)");
        }
    }
}
