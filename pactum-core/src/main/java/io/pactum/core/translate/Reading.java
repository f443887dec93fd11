package io.pactum.core.translate;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One value a payload carries, already named by its data-model field.
 *
 * @param value a {@link Double}, {@link Long}, {@link Boolean} or {@link String}, as the payload
 *     stated it; whether it fits the field's type is the validator's question
 * @param unit the unit the payload states for the value ({@code null}: none stated); after a
 *     configured unit conversion it is the field's declared unit
 * @param time when the value was measured, if the payload says ({@code null}: at receipt)
 */
public record Reading(String field, Object value, @Nullable String unit, @Nullable Instant time) {
    public Reading {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (!(value instanceof Double || value instanceof Long || value instanceof Boolean
                || value instanceof String)) {
            throw new IllegalArgumentException("value must be a Double, Long, Boolean or String, not "
                    + value.getClass().getSimpleName());
        }
    }
}
