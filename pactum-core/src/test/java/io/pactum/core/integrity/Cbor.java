package io.pactum.core.integrity;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Test-side CBOR encoder for hand-made (and deliberately wrong) COSE messages. */
final class Cbor {
    /** A CBOR tag around a value. */
    record Tag(int tag, Object value) {}

    /** CBOR nil. */
    static final Object NIL = new Object();

    private static final CBORFactory FACTORY = new CBORFactory();

    private Cbor() {}

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, Object value) throws IOException {
        if (value == NIL) {
            g.writeNull();
        } else if (value instanceof Tag tag) {
            g.writeTag(tag.tag());
            write(g, tag.value());
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            g.writeNumber(big);
        } else if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof byte[] bytes) {
            g.writeBinary(bytes);
        } else if (value instanceof List<?> list) {
            g.writeStartArray(null, list.size());
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() instanceof String name) {
                    g.writeFieldName(name);
                } else {
                    g.writeFieldId(((Number) entry.getKey()).longValue());
                }
                write(g, entry.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("cannot encode " + value.getClass());
        }
    }
}
