package io.pactum.core.translate;

import org.jspecify.annotations.Nullable;

/** value * scale + offset, so the stored value is in the field's declared unit (°F to Cel: 5/9, -160/9). */
final class LinearConversion {
    private LinearConversion() {}

    static boolean present(@Nullable Double scale, @Nullable Double offset) {
        return scale != null || offset != null;
    }

    /** Applies the conversion; without one the value is returned as it came. */
    static Object apply(Object value, @Nullable Double scale, @Nullable Double offset) {
        if (!present(scale, offset)) {
            return value;
        }
        double number = ((Number) value).doubleValue();
        double converted = number * (scale == null ? 1.0 : scale) + (offset == null ? 0.0 : offset);
        if (!Double.isFinite(converted)) {
            throw new TranslationException("a value overflows when converted to the field's unit");
        }
        return converted;
    }
}
