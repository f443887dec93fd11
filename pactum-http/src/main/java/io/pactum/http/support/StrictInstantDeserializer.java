package io.pactum.http.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads instants only from RFC 3339 strings with an explicit offset ({@code 2030-01-01T00:00:00Z}),
 * so that a number is not silently taken as seconds or milliseconds since the epoch.
 */
final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {
    static final String EXPECTED = "an RFC 3339 date-time with offset, e.g. 2030-01-01T00:00:00Z";

    StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ctxt.weirdStringException(text, Instant.class, "must be " + EXPECTED);
        }
    }
}
