package io.pactum.core.translate;

import io.pactum.core.registry.DataModel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads a fixed binary layout. The payload must have exactly the declared length. */
final class BinaryTranslator implements PayloadTranslator {
    private final BinaryLayout layout;
    private final DataModel model;

    BinaryTranslator(BinaryLayout layout, DataModel model) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public Readings translate(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length != layout.length()) {
            throw new TranslationException("payload is " + payload.length + " bytes, the layout needs " + layout.length());
        }
        List<Reading> readings = new ArrayList<>();
        for (BinaryField f : layout.fields()) {
            ByteBuffer buffer = ByteBuffer.wrap(payload)
                    .order(f.order() == null ? Endianness.BIG.byteOrder() : f.order().byteOrder());
            int at = f.byteOffset();
            Object raw = switch (f.type()) {
                case U8 -> (long) Byte.toUnsignedInt(buffer.get(at));
                case I8 -> (long) buffer.get(at);
                case U16 -> (long) Short.toUnsignedInt(buffer.getShort(at));
                case I16 -> (long) buffer.getShort(at);
                case U32 -> Integer.toUnsignedLong(buffer.getInt(at));
                case I32 -> (long) buffer.getInt(at);
                case F32 -> (double) buffer.getFloat(at);
                case F64 -> buffer.getDouble(at);
            };
            if (raw instanceof Double d && !Double.isFinite(d)) {
                throw new TranslationException("bytes " + at + "-" + (f.end() - 1) + " ('" + f.field()
                        + "') hold NaN or an infinity, expected a finite number");
            }
            boolean converts = LinearConversion.present(f.scale(), f.offset());
            Object value = LinearConversion.apply(raw, f.scale(), f.offset());
            String unit = converts ? model.field(f.field()).flatMap(s -> java.util.Optional.ofNullable(s.unit())).orElse(null) : null;
            readings.add(new Reading(f.field(), value, unit, null));
        }
        return new Readings(readings);
    }
}
