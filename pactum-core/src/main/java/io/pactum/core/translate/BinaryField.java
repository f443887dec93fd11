package io.pactum.core.translate;

import io.pactum.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * One data-model field in a fixed binary layout.
 *
 * @param byteOffset where the value starts, counted from 0
 * @param order required for types wider than one byte: guessing a byte order yields plausible-looking
 *     wrong values
 * @param scale with {@code offset}, an optional linear conversion {@code raw * scale + offset}
 */
public record BinaryField(
        String field,
        Integer byteOffset,
        BinaryType type,
        @Nullable Endianness order,
        @Nullable Double scale,
        @Nullable Double offset) {

    public BinaryField {
        SpecChecks.field("field", field);
        if (byteOffset == null) {
            throw new InvalidInputException("byteOffset", "byteOffset is required");
        }
        if (byteOffset < 0) {
            throw new InvalidInputException("byteOffset", "byteOffset must not be negative");
        }
        if (type == null) {
            throw new InvalidInputException("type", "type is required: one of u8, i8, u16, i16, u32, i32, f32, f64");
        }
        if (order == null && type.size() > 1) {
            throw new InvalidInputException("order", "order (big or little) is required for " + type.name().toLowerCase(java.util.Locale.ROOT));
        }
        SpecChecks.conversion(scale, offset);
    }

    /** The first byte after the value. */
    int end() {
        return byteOffset + type.size();
    }
}
