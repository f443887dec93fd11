package io.pactum.core.translate;

import static io.pactum.core.translate.Products.CLOCK;
import static io.pactum.core.translate.Products.GLUCOSE;
import static io.pactum.core.translate.Products.assertUnreadable;
import static io.pactum.core.translate.Products.field;
import static io.pactum.core.translate.Products.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.PayloadFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenmlCborTranslatorTest {
    // RFC 8428 Table 4 labels.
    private static final int BN = -2, BT = -3, BU = -4, N = 0, U = 1, V = 2, VS = 3, VB = 4, T = 6, VD = 8;

    /** RFC 8428 §6: the CBOR encoding of the §5.1.2 example (bn, n, u, v; then n, u, v). */
    private static final String RFC8428_CBOR_EXAMPLE = """
            82 a4 21 78 1b 75 72 6e 3a 64 65 76 3a 6f 77 3a
            31 30 65 32 30 37 33 61 30 31 30 38 30 30 36 3a
            00 67 76 6f 6c 74 61 67 65 01 61 56 02 fb 40 5e
            06 66 66 66 66 66 a3 00 67 63 75 72 72 65 6e 74
            01 61 41 02 fb 3f f3 33 33 33 33 33 33""";

    private static final DataModel METER = new DataModel(List.of(
            field("voltage", FieldType.NUMBER, "V", 0.0, 400.0, DataCategory.TECHNICAL),
            field("current", FieldType.NUMBER, "A", 0.0, 100.0, DataCategory.TECHNICAL)));

    private static PayloadTranslator translator(DataModel model) {
        return PayloadTranslators.create(PayloadFormat.SENML_CBOR, TranslationSpec.defaultFor(PayloadFormat.SENML_CBOR),
                model, CLOCK);
    }

    /** Writes a SenML CBOR pack the way a device's encoder would, with integer labels. */
    private interface Body {
        void write(CBORGenerator g) throws IOException;
    }

    private static byte[] cbor(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            body.write(g);
        }
        return out.toByteArray();
    }

    private static byte[] glucosePack() throws IOException {
        return cbor(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldId(BN);
            g.writeString("urn:dev:glucose-0001:");
            g.writeFieldId(BT);
            g.writeNumber(1736841600L);
            g.writeFieldId(N);
            g.writeString("glucose");
            g.writeFieldId(U);
            g.writeString("mmol/L");
            g.writeFieldId(V);
            g.writeNumber(5.4);
            g.writeEndObject();
            g.writeStartObject();
            g.writeFieldId(N);
            g.writeString("glucose");
            g.writeFieldId(U);
            g.writeString("mmol/L");
            g.writeFieldId(V);
            g.writeNumber(5.9f);
            g.writeFieldId(T);
            g.writeNumber(300);
            g.writeEndObject();
            g.writeStartObject();
            g.writeFieldId(N);
            g.writeString("trend");
            g.writeFieldId(VS);
            g.writeString("rising");
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    @Test
    void rfc8428CborExample_decodesToTheSameReadingsAsItsJson() {
        assertThat(translator(METER).translate(hex(RFC8428_CBOR_EXAMPLE)).readings()).containsExactly(
                new Reading("voltage", 120.1, "V", null),
                new Reading("current", 1.2, "A", null));
    }

    @Test
    void glucoseMonitorPack_resolvesBaseNameAndTime_andValidates() throws IOException {
        Readings readings = translator(GLUCOSE).translate(glucosePack());

        assertThat(readings.readings()).extracting(Reading::field, Reading::unit, Reading::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple("glucose", "mmol/L", Instant.parse("2025-01-14T08:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("glucose", "mmol/L", Instant.parse("2025-01-14T08:05:00Z")),
                org.assertj.core.groups.Tuple.tuple("trend", null, Instant.parse("2025-01-14T08:00:00Z")));
        assertThat(readings.readings().get(0).value()).isEqualTo(5.4);
        assertThat((Double) readings.readings().get(1).value()).isEqualTo((double) 5.9f);

        ValidationResult result = new RecordValidator(GLUCOSE).validate(readings);
        assertThat(result.valid()).as("%s", result.violations()).isTrue();
        assertThat(result.values()).extracting(TypedReading::category).containsOnly(DataCategory.HEALTH);
    }

    @Test
    void baseUnit_qualifiesNumbersOnly_andBooleanAndByteStringValuesAreRead() throws IOException {
        DataModel model = new DataModel(List.of(
                field("battery", FieldType.INTEGER, "%EL", 0.0, 100.0, DataCategory.TECHNICAL),
                field("alarm", FieldType.BOOLEAN, null, null, null, DataCategory.HEALTH),
                field("raw", FieldType.STRING, null, null, null, DataCategory.TECHNICAL)));
        byte[] pack = cbor(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldId(BU);
            g.writeString("%EL");
            g.writeFieldId(N);
            g.writeString("battery");
            g.writeFieldId(V);
            g.writeNumber(64);
            g.writeEndObject();
            g.writeStartObject();
            g.writeFieldId(N);
            g.writeString("alarm");
            g.writeFieldId(VB);
            g.writeBoolean(false);
            g.writeEndObject();
            g.writeStartObject();
            g.writeFieldId(N);
            g.writeString("raw");
            g.writeFieldId(VD);
            g.writeBinary(new byte[] {0x01, 0x02, (byte) 0xff});
            g.writeEndObject();
            g.writeEndArray();
        });

        assertThat(translator(model).translate(pack).readings()).containsExactly(
                new Reading("battery", 64L, "%EL", null),
                new Reading("alarm", false, null, null),
                new Reading("raw", "AQL_", null, null));
    }

    @Test
    void truncatedCbor_isRejectedWithTheByteOffset() throws IOException {
        byte[] pack = glucosePack();
        byte[] truncated = Arrays.copyOf(pack, 17);

        assertThat(assertUnreadable(() -> translator(GLUCOSE).translate(truncated)))
                .hasMessageStartingWith("truncated CBOR at byte ");
    }

    @Test
    void truncatedRfcVector_isRejectedAtEveryCut() {
        byte[] full = hex(RFC8428_CBOR_EXAMPLE);
        for (int cut = 1; cut < full.length; cut++) {
            byte[] truncated = Arrays.copyOf(full, cut);
            assertThat(assertUnreadable(() -> translator(METER).translate(truncated)).getMessage())
                    .as("cut at %d", cut).startsWith("truncated CBOR");
        }
    }

    @Test
    void nanAndInfinityValues_areRejected() throws IOException {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            byte[] pack = cbor(g -> {
                g.writeStartArray();
                g.writeStartObject();
                g.writeFieldId(N);
                g.writeString("glucose");
                g.writeFieldId(V);
                g.writeNumber(bad);
                g.writeEndObject();
                g.writeEndArray();
            });
            assertThat(assertUnreadable(() -> translator(GLUCOSE).translate(pack)))
                    .hasMessage("SenML record 0: 'v' must be a finite number");
        }
    }

    @Test
    void unknownIntegerLabel_isRejected_butMustUnderstandTextLabelToo() throws IOException {
        byte[] unknownLabel = cbor(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldId(N);
            g.writeString("glucose");
            g.writeFieldId(V);
            g.writeNumber(5.1);
            g.writeFieldId(42);
            g.writeNumber(1);
            g.writeEndObject();
            g.writeEndArray();
        });
        byte[] mustUnderstand = cbor(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldId(N);
            g.writeString("glucose");
            g.writeFieldId(V);
            g.writeNumber(5.1);
            g.writeFieldName("calib_");
            g.writeNumber(1);
            g.writeEndObject();
            g.writeEndArray();
        });

        assertThat(assertUnreadable(() -> translator(GLUCOSE).translate(unknownLabel)))
                .hasMessage("SenML record 0: unknown CBOR label 42");
        assertThat(assertUnreadable(() -> translator(GLUCOSE).translate(mustUnderstand)))
                .hasMessage("SenML record 0: must-understand field 'calib_' is not supported");
    }

    @Test
    void duplicateLabel_isRejected() {
        // [{0: "glucose", 2: 5, 2: 6}]
        byte[] pack = hex("81 a3 00 67 67 6c 75 63 6f 73 65 02 05 02 06");

        assertThat(assertUnreadable(() -> translator(GLUCOSE).translate(pack)))
                .hasMessageStartingWith("duplicate key");
    }

    @Test
    void deeplyNestedCbor_isRejected() {
        byte[] deep = new byte[200];
        Arrays.fill(deep, (byte) 0x81); // array of one element, 200 levels deep
        byte[] pack = Arrays.copyOf(deep, deep.length + 1); // innermost element: 0

        assertThat(assertUnreadable(() -> translator(GLUCOSE).translate(pack)))
                .hasMessage("CBOR nested deeper than " + StrictParsers.MAX_DEPTH + " levels");
    }

    @Test
    void trailingBytesAfterThePack_areRejected() {
        byte[] full = hex(RFC8428_CBOR_EXAMPLE + " 00");

        assertThat(assertUnreadable(() -> translator(METER).translate(full)))
                .hasMessageStartingWith("unexpected content after the CBOR value");
    }

    @Test
    void textValueForANumberLabel_isRejected() {
        // [{0: "glucose", 2: "5.4"}]
        byte[] pack = hex("81 a2 00 67 67 6c 75 63 6f 73 65 02 63 35 2e 34");

        assertThat(assertUnreadable(() -> translator(GLUCOSE).translate(pack)))
                .hasMessage("SenML record 0: 'v' must be a number");
    }
}
