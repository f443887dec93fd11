package io.pactum.core.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;

/** Data models of the example products the translator tests use, and shared helpers. */
final class Products {
    static final Instant NOW = Instant.parse("2025-01-14T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Products() {}

    static FieldSpec field(String name, FieldType type, @Nullable String unit, @Nullable Double min,
            @Nullable Double max, DataCategory category) {
        return new FieldSpec(name, type, unit, min, max, category);
    }

    static final DataModel GLUCOSE = new DataModel(List.of(
            field("glucose", FieldType.NUMBER, "mmol/L", 1.0, 30.0, DataCategory.HEALTH),
            field("trend", FieldType.STRING, null, null, null, DataCategory.HEALTH),
            field("battery", FieldType.INTEGER, "%EL", 0.0, 100.0, DataCategory.TECHNICAL)));

    static final DataModel THERMOSTAT = new DataModel(List.of(
            field("temperature", FieldType.NUMBER, "Cel", -40.0, 60.0, DataCategory.BEHAVIOURAL),
            field("humidity", FieldType.NUMBER, "%RH", 0.0, 100.0, DataCategory.TECHNICAL),
            field("setpoint", FieldType.NUMBER, "Cel", 5.0, 35.0, DataCategory.BEHAVIOURAL),
            field("heating", FieldType.BOOLEAN, null, null, null, DataCategory.BEHAVIOURAL)));

    static final DataModel TOY = new DataModel(List.of(
            field("event", FieldType.STRING, null, null, null, DataCategory.BEHAVIOURAL),
            field("lightOn", FieldType.BOOLEAN, null, null, null, DataCategory.BEHAVIOURAL),
            field("battery", FieldType.INTEGER, "%EL", 0.0, 100.0, DataCategory.TECHNICAL)));

    /** A weather station with a fixed 12-byte little-endian frame. */
    static final DataModel STATION = new DataModel(List.of(
            field("temperature", FieldType.NUMBER, "Cel", -40.0, 60.0, DataCategory.TECHNICAL),
            field("humidity", FieldType.NUMBER, "%RH", 0.0, 100.0, DataCategory.TECHNICAL),
            field("pressure", FieldType.INTEGER, "Pa", 30_000.0, 110_000.0, DataCategory.TECHNICAL),
            field("voltage", FieldType.NUMBER, "V", 0.0, 5.0, DataCategory.TECHNICAL)));

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Hex with spaces and line breaks allowed, as RFC examples print it. */
    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }

    static TranslationException assertUnreadable(ThrowingCallable call) {
        TranslationException e = catchThrowableOfType(TranslationException.class, call);
        assertThat(e).as("expected a TranslationException").isNotNull();
        return e;
    }

    static InvalidInputException assertRejectedOn(String member, ThrowingCallable call) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(e).as("expected an InvalidInputException on '%s'", member).isNotNull();
        assertThat(e.field()).as("member of: %s", e.getMessage()).contains(member);
        return e;
    }
}
