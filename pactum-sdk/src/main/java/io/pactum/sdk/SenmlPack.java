package io.pactum.sdk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SenML pack (RFC 8428) as a device sends it: a base name and a list of measurements, written as
 * SenML CBOR (integer labels) or SenML JSON. The base name goes on the first record only.
 */
public final class SenmlPack {
    private static final int BN = -2;
    private static final int N = 0;
    private static final int U = 1;
    private static final int V = 2;
    private static final int VS = 3;
    private static final int VB = 4;
    private static final int T = 6;

    private record Measurement(String name, Object value, @Nullable String unit, @Nullable Instant time) {}

    private final String baseName;
    private final List<Measurement> measurements = new ArrayList<>();

    private SenmlPack(String baseName) {
        this.baseName = baseName;
    }

    /** A pack whose names are relative to {@code baseName}, e.g. {@code urn:dev:glucose-0001:}. */
    public static SenmlPack withBaseName(String baseName) {
        return new SenmlPack(Objects.requireNonNull(baseName, "baseName"));
    }

    /** A numeric measurement; {@code time} null means "now", as the receiver sees it. */
    public SenmlPack add(String name, double value, @Nullable String unit, @Nullable Instant time) {
        measurements.add(new Measurement(Objects.requireNonNull(name, "name"), value, unit, time));
        return this;
    }

    public SenmlPack add(String name, boolean value) {
        measurements.add(new Measurement(Objects.requireNonNull(name, "name"), value, null, null));
        return this;
    }

    public SenmlPack add(String name, String value) {
        measurements.add(new Measurement(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"),
                null, null));
        return this;
    }

    public byte[] toCbor() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartArray();
            for (int i = 0; i < measurements.size(); i++) {
                Measurement m = measurements.get(i);
                g.writeStartObject();
                if (i == 0) {
                    g.writeFieldId(BN);
                    g.writeString(baseName);
                }
                g.writeFieldId(N);
                g.writeString(m.name());
                if (m.unit() != null) {
                    g.writeFieldId(U);
                    g.writeString(m.unit());
                }
                writeValue(g, m.value(), true);
                if (m.time() != null) {
                    g.writeFieldId(T);
                    g.writeNumber(seconds(m.time()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (int i = 0; i < measurements.size(); i++) {
                Measurement m = measurements.get(i);
                g.writeStartObject();
                if (i == 0) {
                    g.writeStringField("bn", baseName);
                }
                g.writeStringField("n", m.name());
                if (m.unit() != null) {
                    g.writeStringField("u", m.unit());
                }
                writeValue(g, m.value(), false);
                if (m.time() != null) {
                    g.writeNumberField("t", seconds(m.time()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object value, boolean cbor) throws IOException {
        if (value instanceof Double d) {
            label(g, cbor, V, "v");
            g.writeNumber(d);
        } else if (value instanceof Boolean b) {
            label(g, cbor, VB, "vb");
            g.writeBoolean(b);
        } else {
            label(g, cbor, VS, "vs");
            g.writeString((String) value);
        }
    }

    private static void label(JsonGenerator g, boolean cbor, int id, String name) throws IOException {
        if (cbor) {
            ((CBORGenerator) g).writeFieldId(id);
        } else {
            g.writeFieldName(name);
        }
    }

    /** SenML times are seconds since the epoch, fractions allowed. */
    private static double seconds(Instant time) {
        return time.getEpochSecond() + time.getNano() / 1e9;
    }
}
