package io.pactum.core.ingest;

import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One typed value of a canonical record, with the unit and data category its product declares.
 * {@code value} is a {@code Double} for numbers, {@code Long} for integers, {@code Boolean} or
 * {@code String}, matching {@code type}.
 */
public record FieldValue(String name, FieldType type, Object value, @Nullable String unit, DataCategory category) {
    public FieldValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(category, "category");
        boolean matches = switch (type) {
            case NUMBER -> value instanceof Double d && Double.isFinite(d);
            case INTEGER -> value instanceof Long;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
        };
        if (!matches) {
            throw new IllegalArgumentException("value of " + name + " is not a " + type);
        }
    }
}
