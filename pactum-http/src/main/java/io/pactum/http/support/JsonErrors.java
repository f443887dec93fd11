package io.pactum.http.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Translates Jackson's failures into core's {@link InvalidInputException}, naming the offending
 * member by its JSON path ({@code dataModel.fields[2].min}). Jackson's own messages are not passed
 * on: they name Java classes, which mean nothing to a client.
 */
public final class JsonErrors {
    private JsonErrors() {}

    public static InvalidInputException toInvalidInput(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new InvalidInputException(null, "the JSON body exceeds the allowed nesting depth or value sizes");
        }
        if (e instanceof JsonParseException parse) {
            return malformed(parse);
        }
        // Broken JSON inside a member (an unterminated string) comes wrapped with the member's path; it is still broken JSON.
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException parse) {
            return malformed(parse);
        }
        if (e instanceof JsonMappingException mapping) {
            return fromMapping(mapping);
        }
        return new InvalidInputException(null, "the body is not valid JSON");
    }

    private static InvalidInputException malformed(JsonParseException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")) {
            return new InvalidInputException(null, "duplicate member" + where);
        }
        return new InvalidInputException(null, "malformed JSON" + where);
    }

    private static InvalidInputException fromMapping(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof ValueInstantiationException) {
            return fromConstructor(e, path);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path.isEmpty() ? unknown.getPropertyName() : path;
            return new InvalidInputException(field, "unknown member '" + unknown.getPropertyName() + "'"
                    + known(unknown.getKnownPropertyIds()));
        }
        if (path.isEmpty()) {
            if (e instanceof MismatchedInputException m && isTrailing(m)) {
                return new InvalidInputException(null, "unexpected content after the JSON value");
            }
            return new InvalidInputException(null, "the body must be a JSON object");
        }
        if (e instanceof InvalidFormatException format) {
            return new InvalidInputException(path, path + " must be " + expected(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new InvalidInputException(path, path + " must be " + expected(mismatch.getTargetType()));
        }
        return new InvalidInputException(path, path + " has an invalid value");
    }

    /**
     * A request record refused its input in its constructor: the record's field is relative to
     * the record, so it is prefixed with where the record sits in the body.
     */
    private static InvalidInputException fromConstructor(JsonMappingException e, String path) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                String field = invalid.field().map(f -> join(path, f)).orElse(path.isEmpty() ? null : path);
                String message = path.isEmpty() ? invalid.getMessage() : path + ": " + invalid.getMessage();
                return new InvalidInputException(field, message);
            }
        }
        return new InvalidInputException(path.isEmpty() ? null : path,
                (path.isEmpty() ? "the body" : path) + " has an invalid value");
    }

    private static boolean isTrailing(MismatchedInputException e) {
        String original = e.getOriginalMessage();
        return original != null && original.startsWith("Trailing token");
    }

    /** The JSON path of a mapping failure, e.g. {@code dataModel.fields[0].min}; empty at the root. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String prefix, String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    private static String known(@Nullable Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return "; expected one of: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** Says what was expected, in JSON terms. */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return StrictInstantDeserializer.EXPECTED;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
