package io.pactum.core.translate;

import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reading typed by its field: {@code value} is a {@link Double} for NUMBER, {@link Long} for
 * INTEGER, {@link Boolean} for BOOLEAN and {@link String} for STRING; {@code unit} is the field's
 * declared unit. {@code plausible} is false for a value outside the field's range, which is kept so
 * that a policy that flags rather than rejects can store it marked.
 */
public record TypedReading(
        String field,
        FieldType type,
        Object value,
        @Nullable String unit,
        DataCategory category,
        @Nullable Instant time,
        boolean plausible) {

    public TypedReading {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(category, "category");
        Class<?> expected = switch (type) {
            case NUMBER -> Double.class;
            case INTEGER -> Long.class;
            case BOOLEAN -> Boolean.class;
            case STRING -> String.class;
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("a " + type + " value must be a " + expected.getSimpleName());
        }
    }
}
