package io.pactum.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Turns parsed payload values into reading values and times; {@code where} names the place in messages. */
final class Scalars {
    /** 9999-12-31T23:59:59Z: later "seconds" are almost surely milliseconds or garbage. */
    static final double MAX_EPOCH_SECONDS = 253_402_300_799.0;

    private Scalars() {}

    /** A number as {@code Long} when integral and in range, else {@code Double}; never NaN or infinite. */
    static Object number(JsonNode node, String where) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new TranslationException(where + " must be a finite number");
        }
        return value;
    }

    /** A JSON scalar as a reading value; {@code null} for JSON null, which counts as absent. */
    static @Nullable Object scalar(JsonNode node, String where) {
        if (node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return number(node, where);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new TranslationException(where + " is " + kind(node) + ", expected a number, string or boolean");
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case BINARY -> "a byte string";
            case NULL -> "null";
            case MISSING -> "missing";
        };
    }

    static Instant epochSeconds(double seconds, String where) {
        if (!Double.isFinite(seconds) || Math.abs(seconds) > MAX_EPOCH_SECONDS) {
            throw new TranslationException(where + " is not a plausible time in seconds since the Unix epoch");
        }
        long whole = (long) Math.floor(seconds);
        // A double near 1.7e9 resolves about 0.2 µs, so finer digits are noise: keep microseconds.
        long micros = Math.round((seconds - whole) * 1e6);
        return Instant.ofEpochSecond(whole, micros * 1000);
    }

    /** A JSON timestamp: seconds since the epoch, or an RFC 3339 string with an offset. */
    static Instant time(JsonNode node, String where) {
        if (node.isNumber()) {
            return epochSeconds(node.doubleValue(), where);
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.textValue()).toInstant();
            } catch (DateTimeException e) {
                throw new TranslationException(where + " is not an RFC 3339 date-time with offset");
            }
        }
        throw new TranslationException(where + " is " + kind(node) + ", expected a time");
    }
}
