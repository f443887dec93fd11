package io.pactum.core.privacy;

import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field as a recipient sees it: the value after its transform. {@code value} is a
 * {@code Double} (finite) for {@code NUMBER}, {@code Long} for {@code INTEGER}, {@code Boolean} or
 * {@code String}, matching {@code type}. A pseudonymised field is a {@code STRING} without unit; a
 * rounded or coarsened integer becomes a {@code NUMBER} when the step is not integral.
 * {@code transform} says what was done to it (never {@code DROP}).
 */
public record ViewField(
        String name,
        FieldType type,
        Object value,
        @Nullable String unit,
        DataCategory category,
        TransformKind transform) {

    public ViewField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(transform, "transform");
        if (transform == TransformKind.DROP) {
            throw new IllegalArgumentException("a dropped field is not part of a view");
        }
        boolean matches = switch (type) {
            case NUMBER -> value instanceof Double d && Double.isFinite(d);
            case INTEGER -> value instanceof Long;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
        };
        if (!matches) {
            throw new IllegalArgumentException("value of " + name + " is not a " + type);
        }
        if (transform == TransformKind.PSEUDONYMISE && (type != FieldType.STRING || unit != null)) {
            throw new IllegalArgumentException("a pseudonym is a string without unit");
        }
    }
}
