package io.pactum.core.translate;

import static io.pactum.core.translate.Products.GLUCOSE;
import static io.pactum.core.translate.Products.STATION;
import static io.pactum.core.translate.Products.THERMOSTAT;
import static io.pactum.core.translate.Products.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.PayloadFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class TranslationSpecTest {
    /** Configured like the API's mapper in the respects that matter here: enums case-insensitive, unknown members rejected. */
    private static final ObjectMapper API_LIKE = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static TranslationSpec resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                TranslationSpecTest.class.getResourceAsStream("/translate/" + name), name)) {
            return API_LIKE.readValue(in, TranslationSpec.class);
        }
    }

    @Test
    void documentedExamples_deserializeAndFitTheirProducts() throws IOException {
        TranslationSpec json = resource("thermostat-json-spec.json");
        TranslationSpec senml = resource("glucose-senml-spec.json");
        TranslationSpec binary = resource("station-binary-spec.json");

        json.validateAgainst(THERMOSTAT, PayloadFormat.JSON);
        senml.validateAgainst(GLUCOSE, PayloadFormat.SENML_CBOR);
        binary.validateAgainst(STATION, PayloadFormat.BINARY);
        assertThat(json.json()).hasSize(2);
        assertThat(json.json().get(0).timePointer()).isEqualTo("/ts");
        assertThat(binary.binary()).isEqualTo(BinaryTranslatorTest.STATION_LAYOUT);
        assertThat(senml.senml()).containsExactly(new SenmlMapping("glucose", "urn:dev:glucose-0001:bg", "mg/dL", 0.0555, null));
    }

    @Test
    void constructorRejection_travelsThroughJackson_withTheMemberName() {
        String body = "{\"binary\":{\"length\":12,\"fields\":[{\"field\":\"voltage\",\"byteOffset\":8,\"type\":\"f32\"}]}}";

        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> API_LIKE.readValue(body, TranslationSpec.class));

        assertThat(e).isInstanceOf(ValueInstantiationException.class);
        assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) e.getCause()).field()).contains("order");
    }

    @Test
    void defaults_existForJsonAndSenml_butNotForBinary() {
        assertThatCode(() -> TranslationSpec.defaultFor(PayloadFormat.JSON).validateAgainst(THERMOSTAT, PayloadFormat.JSON))
                .doesNotThrowAnyException();
        assertThatCode(() -> TranslationSpec.defaultFor(PayloadFormat.SENML_JSON).validateAgainst(GLUCOSE, PayloadFormat.SENML_JSON))
                .doesNotThrowAnyException();
        assertRejectedOn("binary", () -> TranslationSpec.defaultFor(PayloadFormat.BINARY));
        assertRejectedOn("binary", () -> new TranslationSpec(null, null, null).validateAgainst(STATION, PayloadFormat.BINARY));
    }

    @Test
    void memberForAnotherFormat_isRejected() {
        TranslationSpec json = new TranslationSpec(List.of(JsonMapping.topLevel("glucose")), null, null);

        assertRejectedOn("json", () -> json.validateAgainst(GLUCOSE, PayloadFormat.SENML_CBOR));
        assertRejectedOn("binary", () -> new TranslationSpec(null, null, BinaryTranslatorTest.STATION_LAYOUT)
                .validateAgainst(STATION, PayloadFormat.JSON));
    }

    @Test
    void twoMembers_areRejected() {
        InvalidInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> new TranslationSpec(List.of(), List.of(), null));
        assertThat(e).hasMessage("a translation spec holds at most one of json, senml, binary");
    }

    @Test
    void mappingToUndeclaredField_isRejectedWithItsIndex() {
        TranslationSpec spec = new TranslationSpec(List.of(
                JsonMapping.topLevel("temperature"), new JsonMapping("pressure", "/p", null, null, null)), null, null);

        assertRejectedOn("json[1].field", () -> spec.validateAgainst(THERMOSTAT, PayloadFormat.JSON));
    }

    @Test
    void conversionOnABooleanField_andFractionalScaleOnAnInteger_areRejected() {
        TranslationSpec onBoolean = new TranslationSpec(List.of(new JsonMapping("heating", "/h", 2.0, null, null)), null, null);
        TranslationSpec onInteger = new TranslationSpec(null, List.of(new SenmlMapping("battery", "bat", "mV", 0.5, null)), null);

        assertRejectedOn("json[0]", () -> onBoolean.validateAgainst(THERMOSTAT, PayloadFormat.JSON));
        assertRejectedOn("senml[0]", () -> onInteger.validateAgainst(GLUCOSE, PayloadFormat.SENML_JSON));
    }

    @Test
    void binaryFloatIntoIntegerField_isRejected() {
        BinaryLayout layout = new BinaryLayout(4, List.of(new BinaryField("pressure", 0, BinaryType.F32, Endianness.BIG, null, null)));

        assertRejectedOn("binary.fields[0].type",
                () -> new TranslationSpec(null, null, layout).validateAgainst(STATION, PayloadFormat.BINARY));
    }

    @Test
    void binaryFields_mustFitAndNotOverlap() {
        assertRejectedOn("fields[1].byteOffset", () -> new BinaryLayout(12, List.of(
                new BinaryField("temperature", 0, BinaryType.I16, Endianness.LITTLE, null, null),
                new BinaryField("voltage", 10, BinaryType.F32, Endianness.LITTLE, null, null))));
        InvalidInputException overlap = assertRejectedOn("fields[0].byteOffset", () -> new BinaryLayout(12, List.of(
                new BinaryField("humidity", 3, BinaryType.U16, Endianness.LITTLE, null, null),
                new BinaryField("temperature", 2, BinaryType.I16, Endianness.LITTLE, null, null))));
        assertThat(overlap).hasMessageContaining("overlaps 'temperature'");
        assertRejectedOn("length", () -> new BinaryLayout(0, List.of()));
    }

    @Test
    void mappingMembers_areCheckedInTheirConstructors() {
        assertRejectedOn("pointer", () -> new JsonMapping("temperature", "sensors/0", null, null, null));
        assertRejectedOn("pointer", () -> new JsonMapping("temperature", "/a~2b", null, null, null));
        assertRejectedOn("field", () -> new JsonMapping("9lives", "/a", null, null, null));
        assertRejectedOn("scale", () -> new JsonMapping("temperature", "/a", 0.0, null, null));
        assertRejectedOn("offset", () -> new JsonMapping("temperature", "/a", null, Double.NaN, null));
        assertRejectedOn("unit", () -> new SenmlMapping("voltage", "supply", null, 0.001, null));
        assertRejectedOn("name", () -> new SenmlMapping("voltage", "bad name", null, null, null));
        assertRejectedOn("byteOffset", () -> new BinaryField("voltage", -1, BinaryType.U8, null, null, null));
        assertRejectedOn("senml[1].field", () -> new TranslationSpec(null, List.of(
                new SenmlMapping("voltage", "a", null, null, null), new SenmlMapping("voltage", "b", null, null, null)), null));
        assertRejectedOn("senml[1].name", () -> new TranslationSpec(null, List.of(
                new SenmlMapping("voltage", "a", null, null, null), new SenmlMapping("current", "a", null, null, null)), null));
    }
}
