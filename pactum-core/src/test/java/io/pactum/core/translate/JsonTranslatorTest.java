package io.pactum.core.translate;

import static io.pactum.core.translate.Products.CLOCK;
import static io.pactum.core.translate.Products.THERMOSTAT;
import static io.pactum.core.translate.Products.assertUnreadable;
import static io.pactum.core.translate.Products.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pactum.core.registry.PayloadFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTranslatorTest {
    /** °F to Cel: (F - 32) * 5/9. */
    private static final double F_SCALE = 5.0 / 9.0;
    private static final double F_OFFSET = -160.0 / 9.0;

    private static final TranslationSpec THERMOSTAT_SPEC = new TranslationSpec(List.of(
            new JsonMapping("temperature", "/sensors/0/value", F_SCALE, F_OFFSET, "/ts"),
            new JsonMapping("humidity", "/sensors/1/value", null, null, "/ts"),
            new JsonMapping("setpoint", "/control/setpoint_f", F_SCALE, F_OFFSET, null)), null, null);

    private static final String THERMOSTAT_MESSAGE = """
            {
              "device": {"fw": "2.1.0", "uptime": 86400},
              "ts": "2025-01-14T07:30:00Z",
              "sensors": [
                {"kind": "temperature", "value": 71.6, "unit": "F"},
                {"kind": "humidity", "value": 41}
              ],
              "control": {"setpoint_f": 68, "mode": "auto"},
              "heating": true
            }
            """;

    private static PayloadTranslator thermostat() {
        return PayloadTranslators.create(PayloadFormat.JSON, THERMOSTAT_SPEC, THERMOSTAT, CLOCK);
    }

    private static PayloadTranslator byDefault() {
        return PayloadTranslators.create(PayloadFormat.JSON, TranslationSpec.defaultFor(PayloadFormat.JSON),
                THERMOSTAT, CLOCK);
    }

    @Test
    void thermostat_nestedMembers_areReadByPointer_andFahrenheitIsConvertedToCelsius() {
        Readings readings = thermostat().translate(utf8(THERMOSTAT_MESSAGE));

        assertThat(readings.readings()).extracting(Reading::field)
                .containsExactly("temperature", "humidity", "setpoint", "heating");
        Reading temperature = readings.readings().get(0);
        assertThat((Double) temperature.value()).isCloseTo(22.0, within(1e-9));
        assertThat(temperature.unit()).isEqualTo("Cel");
        assertThat(temperature.time()).isEqualTo(Instant.parse("2025-01-14T07:30:00Z"));
        Reading humidity = readings.readings().get(1);
        assertThat(humidity.value()).isEqualTo(41L);
        assertThat(humidity.unit()).as("no conversion, no unit stated by the payload").isNull();
        assertThat((Double) readings.readings().get(2).value()).isCloseTo(20.0, within(1e-9));
        // heating has no mapping, so it is read from the top-level member of the same name.
        assertThat(readings.readings().get(3)).isEqualTo(new Reading("heating", true, null, null));
    }

    @Test
    void defaultSpec_readsTopLevelMembers_andOmitsAbsentAndNullOnes() {
        Readings readings = byDefault().translate(utf8("""
                {"temperature": 21.5, "humidity": null, "heating": false, "firmware": "2.1.0"}"""));

        assertThat(readings.readings()).containsExactly(
                new Reading("temperature", 21.5, null, null),
                new Reading("heating", false, null, null));
    }

    @Test
    void epochSecondsTime_isReadAsInstant() {
        PayloadTranslator translator = PayloadTranslators.create(PayloadFormat.JSON, new TranslationSpec(
                List.of(new JsonMapping("temperature", "/t", null, null, "/at")), null, null), THERMOSTAT, CLOCK);

        Reading reading = translator.translate(utf8("{\"t\": 20.5, \"at\": 1736841600.25}")).readings().get(0);

        assertThat(reading.time()).isEqualTo(Instant.parse("2025-01-14T08:00:00.250Z"));
    }

    @Test
    void millisecondsWhereSecondsAreExpected_areRejectedAsImplausibleTime() {
        PayloadTranslator translator = PayloadTranslators.create(PayloadFormat.JSON, new TranslationSpec(
                List.of(new JsonMapping("temperature", "/t", null, null, "/at")), null, null), THERMOSTAT, CLOCK);

        assertThat(assertUnreadable(() -> translator.translate(utf8("{\"t\": 20.5, \"at\": 1736841600250}"))))
                .hasMessage("member /at is not a plausible time in seconds since the Unix epoch");
    }

    @Test
    void stringWhereConversionNeedsANumber_isRejectedNamingTheMember() {
        String message = THERMOSTAT_MESSAGE.replace("\"value\": 71.6", "\"value\": \"71.6\"");

        assertThat(assertUnreadable(() -> thermostat().translate(utf8(message))))
                .hasMessage("member /sensors/0/value is a string, expected a number");
    }

    @Test
    void objectWhereAValueIsExpected_isRejected() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": {\"value\": 20}}"))))
                .hasMessage("member /temperature is an object, expected a number, string or boolean");
    }

    @Test
    void invalidJson_isRejectedWithItsPosition() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": 21.5,, }"))))
                .hasMessageStartingWith("invalid JSON at byte ");
    }

    @Test
    void truncatedJson_isRejectedAsTruncated() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": 21.5, \"heat"))))
                .hasMessageStartingWith("truncated JSON");
    }

    @Test
    void duplicateKeys_areRejected_soNoReaderSeesADifferentValue() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": 21.5, \"temperature\": 99}"))))
                .hasMessageStartingWith("duplicate key 'temperature' in JSON");
    }

    @Test
    void trailingContent_isRejected() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": 21.5} {\"temperature\": 99}"))))
                .hasMessageStartingWith("unexpected content after the JSON value");
    }

    @Test
    void nanAndInfinityLiterals_areNotJson() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": NaN}"))))
                .hasMessageStartingWith("invalid JSON");
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": Infinity}"))))
                .hasMessageStartingWith("invalid JSON");
    }

    @Test
    void numberOverflowingToInfinity_isRejected() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("{\"temperature\": 1e400}"))))
                .hasMessage("member /temperature must be a finite number");
    }

    @Test
    void deeplyNestedInput_isRejectedBeforeItIsBuilt() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);

        assertThat(assertUnreadable(() -> byDefault().translate(utf8(deep))))
                .hasMessage("JSON nested deeper than " + StrictParsers.MAX_DEPTH + " levels");
    }

    @Test
    void oversizedPayload_isRejectedWithoutParsing() {
        byte[] big = utf8("{\"temperature\": 1, \"pad\": \"" + "x".repeat(PayloadTranslator.MAX_PAYLOAD_BYTES) + "\"}");

        assertThat(assertUnreadable(() -> byDefault().translate(big)))
                .hasMessage("payload is " + big.length + " bytes, at most " + PayloadTranslator.MAX_PAYLOAD_BYTES
                        + " are accepted");
    }

    @Test
    void scalarDocument_andEmptyPayload_areRejected() {
        assertThat(assertUnreadable(() -> byDefault().translate(utf8("21.5"))))
                .hasMessage("payload is a number, expected a JSON object");
        assertThat(assertUnreadable(() -> byDefault().translate(new byte[0]))).hasMessage("payload is empty");
    }

    @Test
    void invalidUtf8_isRejected() {
        byte[] payload = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(assertUnreadable(() -> byDefault().translate(payload))).hasMessageStartingWith("invalid JSON");
    }
}
