package io.pactum.core.translate;

import static io.pactum.core.translate.Products.CLOCK;
import static io.pactum.core.translate.Products.STATION;
import static io.pactum.core.translate.Products.assertUnreadable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pactum.core.registry.PayloadFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryTranslatorTest {
    /** 12-byte little-endian frame: i16 centi-Cel, u16 centi-%RH, u32 Pa, f32 V. */
    static final BinaryLayout STATION_LAYOUT = new BinaryLayout(12, List.of(
            new BinaryField("temperature", 0, BinaryType.I16, Endianness.LITTLE, 0.01, null),
            new BinaryField("humidity", 2, BinaryType.U16, Endianness.LITTLE, 0.01, null),
            new BinaryField("pressure", 4, BinaryType.U32, Endianness.LITTLE, null, null),
            new BinaryField("voltage", 8, BinaryType.F32, Endianness.LITTLE, null, null)));

    private static PayloadTranslator translator() {
        return PayloadTranslators.create(PayloadFormat.BINARY, new TranslationSpec(null, null, STATION_LAYOUT),
                STATION, CLOCK);
    }

    private static byte[] frame(short centiCel, int centiRh, long pascal, float volts) {
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .putShort(centiCel).putShort((short) centiRh).putInt((int) pascal).putFloat(volts).array();
    }

    @Test
    void littleEndianFrame_isReadAndScaledIntoDeclaredUnits() {
        Readings readings = translator().translate(frame((short) -1250, 45_000, 101_325, 3.25f));

        assertThat(readings.readings()).extracting(Reading::field)
                .containsExactly("temperature", "humidity", "pressure", "voltage");
        assertThat((Double) readings.readings().get(0).value()).isCloseTo(-12.5, within(1e-9));
        assertThat(readings.readings().get(0).unit()).isEqualTo("Cel");
        assertThat((Double) readings.readings().get(1).value()).as("u16 above 32767 stays unsigned")
                .isCloseTo(450.0, within(1e-9));
        assertThat(readings.readings().get(2)).isEqualTo(new Reading("pressure", 101_325L, null, null));
        assertThat(readings.readings().get(3).value()).isEqualTo(3.25);
    }

    @Test
    void hexFrame_matchesTheLayout() {
        // 0x04e2 = 1250 -> 12.50 Cel; 0x1194 = 4500 -> 45.00 %RH; 0x00018b0d = 101133 Pa; 0x40500000 = 3.25f
        byte[] frame = Products.hex("e2 04 94 11 0d 8b 01 00 00 00 50 40");

        ValidationResult result = new RecordValidator(STATION).validate(translator().translate(frame));

        assertThat(result.valid()).as("%s", result.violations()).isTrue();
        assertThat(result.values()).extracting(TypedReading::value)
                .containsExactly(12.5, 45.0, 101_133L, 3.25);
    }

    @Test
    void shortAndLongPayloads_areRejectedWithBothLengths() {
        assertThat(assertUnreadable(() -> translator().translate(new byte[9])))
                .hasMessage("payload is 9 bytes, the layout needs 12");
        assertThat(assertUnreadable(() -> translator().translate(new byte[13])))
                .hasMessage("payload is 13 bytes, the layout needs 12");
    }

    @Test
    void nanFloat_isRejectedNamingTheBytes() {
        assertThat(assertUnreadable(() -> translator().translate(frame((short) 0, 0, 100_000, Float.NaN))))
                .hasMessage("bytes 8-11 ('voltage') hold NaN or an infinity, expected a finite number");
    }

    @Test
    void bigEndianAndSignedTypes_areDecodedAsDeclared() {
        BinaryLayout layout = new BinaryLayout(7, List.of(
                new BinaryField("pressure", 0, BinaryType.I32, Endianness.BIG, null, null),
                new BinaryField("temperature", 4, BinaryType.I8, null, null, null),
                new BinaryField("humidity", 5, BinaryType.U8, null, null, null)));
        PayloadTranslator translator = PayloadTranslators.create(PayloadFormat.BINARY,
                new TranslationSpec(null, null, layout), STATION, CLOCK);

        Readings readings = translator.translate(Products.hex("00 01 8b 0d f6 c8 ff"));

        assertThat(readings.readings()).extracting(Reading::value).containsExactly(101_133L, -10L, 200L);
    }
}
