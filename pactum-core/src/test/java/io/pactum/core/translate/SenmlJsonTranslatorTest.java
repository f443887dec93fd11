package io.pactum.core.translate;

import static io.pactum.core.translate.Products.CLOCK;
import static io.pactum.core.translate.Products.NOW;
import static io.pactum.core.translate.Products.TOY;
import static io.pactum.core.translate.Products.assertUnreadable;
import static io.pactum.core.translate.Products.field;
import static io.pactum.core.translate.Products.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.PayloadFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenmlJsonTranslatorTest {
    private static final DataModel METER = new DataModel(List.of(
            field("voltage", FieldType.NUMBER, "V", 0.0, 400.0, DataCategory.TECHNICAL),
            field("current", FieldType.NUMBER, "A", 0.0, 100.0, DataCategory.TECHNICAL)));

    private static PayloadTranslator translator(DataModel model) {
        return PayloadTranslators.create(PayloadFormat.SENML_JSON, TranslationSpec.defaultFor(PayloadFormat.SENML_JSON),
                model, CLOCK);
    }

    @Test
    void rfc8428MultipleDatapoints_resolveBaseNameAndMatchFieldsBySuffix() {
        // RFC 8428 §5.1.2.
        String pack = """
                [
                  {"bn":"urn:dev:ow:10e2073a01080063:","n":"voltage","u":"V","v":120.1},
                  {"n":"current","u":"A","v":1.2}
                ]""";

        assertThat(translator(METER).translate(utf8(pack)).readings()).containsExactly(
                new Reading("voltage", 120.1, "V", null),
                new Reading("current", 1.2, "A", null));
    }

    @Test
    void rfc8428MultipleMeasurements_resolveBaseTimeBaseUnitAndRelativeOffsets() {
        // RFC 8428 §5.1.3: bt plus negative t, current in the base unit A.
        String pack = """
                [
                  {"bn":"urn:dev:ow:10e2073a0108006:","bt":1.276020076001e+09,
                   "bu":"A","bver":5,
                   "n":"voltage","u":"V","v":120.1},
                  {"n":"current","t":-5,"v":1.2},
                  {"n":"current","t":-4,"v":1.3},
                  {"n":"current","t":-3,"v":1.4},
                  {"n":"current","t":-2,"v":1.5},
                  {"n":"current","t":-1,"v":1.6},
                  {"n":"current","v":1.7}
                ]""";

        List<Reading> readings = translator(METER).translate(utf8(pack)).readings();

        assertThat(readings).hasSize(7);
        assertThat(readings.get(0)).isEqualTo(new Reading("voltage", 120.1, "V", Instant.parse("2010-06-08T18:01:16.001Z")));
        assertThat(readings.get(1)).isEqualTo(new Reading("current", 1.2, "A", Instant.parse("2010-06-08T18:01:11.001Z")));
        assertThat(readings.get(6)).isEqualTo(new Reading("current", 1.7, "A", Instant.parse("2010-06-08T18:01:16.001Z")));
        assertThat(new RecordValidator(METER).validate(new Readings(readings)).valid())
                .as("several time-stamped values of one field are separate readings").isTrue();
    }

    @Test
    void toy_stringAndBooleanEvents_areRead_andUnknownNamesDropped() {
        String pack = """
                [
                  {"bn":"urn:dev:toy-77/","bt":1736841600,"n":"event","vs":"button_press"},
                  {"n":"lightOn","vb":true,"t":1},
                  {"n":"battery","u":"%EL","v":87,"t":2},
                  {"n":"rssi","u":"dBW","v":-71}
                ]""";

        assertThat(translator(TOY).translate(utf8(pack)).readings()).containsExactly(
                new Reading("event", "button_press", null, Instant.parse("2025-01-14T08:00:00Z")),
                new Reading("lightOn", true, null, Instant.parse("2025-01-14T08:00:01Z")),
                new Reading("battery", 87L, "%EL", Instant.parse("2025-01-14T08:00:02Z")));
    }

    @Test
    void timesBelow2pow28_areRelativeToNow() {
        String pack = "[{\"n\":\"battery\",\"v\":50,\"t\":-30},{\"n\":\"event\",\"vs\":\"boot\",\"t\":0}]";

        assertThat(translator(TOY).translate(utf8(pack)).readings()).extracting(Reading::time)
                .containsExactly(NOW.minusSeconds(30), NOW);
    }

    @Test
    void baseValue_isAddedToValue() {
        String pack = "[{\"bn\":\"urn:dev:toy-77:\",\"bv\":80,\"n\":\"battery\",\"v\":7}]";

        assertThat(translator(TOY).translate(utf8(pack)).readings().get(0).value()).isEqualTo(87L);
    }

    @Test
    void explicitMapping_matchesTheResolvedNameExactly_andConvertsFromItsUnit() {
        TranslationSpec spec = new TranslationSpec(null, List.of(
                new SenmlMapping("voltage", "urn:dev:ow:1:supply", "mV", 0.001, null)), null);
        PayloadTranslator translator = PayloadTranslators.create(PayloadFormat.SENML_JSON, spec, METER, CLOCK);

        List<Reading> readings = translator.translate(utf8("""
                [{"bn":"urn:dev:ow:1:","n":"supply","u":"mV","v":3300},{"n":"current","u":"A","v":0.5}]""")).readings();

        assertThat(readings).extracting(Reading::field, Reading::unit).containsExactly(
                org.assertj.core.groups.Tuple.tuple("voltage", "V"), org.assertj.core.groups.Tuple.tuple("current", "A"));
        assertThat((Double) readings.get(0).value()).isCloseTo(3.3, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void explicitMapping_leavesARecordInAnotherUnitUnconverted_forTheValidatorToReject() {
        TranslationSpec spec = new TranslationSpec(null, List.of(
                new SenmlMapping("voltage", "supply", "mV", 0.001, null)), null);
        PayloadTranslator translator = PayloadTranslators.create(PayloadFormat.SENML_JSON, spec, METER, CLOCK);

        Readings readings = translator.translate(utf8("[{\"n\":\"supply\",\"u\":\"kV\",\"v\":3}]"));

        assertThat(readings.readings()).containsExactly(new Reading("voltage", 3L, "kV", null));
        assertThat(new RecordValidator(METER).validate(readings).violations()).extracting(Violation::kind)
                .containsExactly(ViolationKind.UNIT_MISMATCH);
    }

    @Test
    void nameMatching_requiresASeparatorBeforeTheFieldName() {
        String pack = "[{\"n\":\"urn:dev:x:overvoltage\",\"v\":1},{\"n\":\"urn:dev:x/voltage\",\"v\":230}]";

        assertThat(translator(METER).translate(utf8(pack)).readings())
                .containsExactly(new Reading("voltage", 230L, null, null));
    }

    @Test
    void recordWithoutValue_isRejectedNamingTheRecord() {
        String pack = "[{\"n\":\"battery\",\"v\":50},{\"n\":\"event\",\"u\":\"%EL\"}]";

        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8(pack))))
                .hasMessage("SenML record 1 has no value: one of 'v', 'vs', 'vb' or 'vd' is required");
    }

    @Test
    void valueOfWrongType_isRejectedNamingRecordAndField() {
        String pack = "[{\"n\":\"battery\",\"v\":50},{\"n\":\"x\",\"v\":1},{\"n\":\"battery\",\"v\":\"87\"}]";

        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8(pack))))
                .hasMessage("SenML record 2: 'v' must be a number");
    }

    @Test
    void mustUnderstandExtension_isRejected_otherExtensionsIgnored() {
        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8("[{\"n\":\"battery\",\"v\":5,\"rt_\":1}]"))))
                .hasMessage("SenML record 0: must-understand field 'rt_' is not supported");
        assertThat(translator(TOY).translate(utf8("[{\"n\":\"battery\",\"v\":5,\"foo\":{\"x\":1}}]")).readings())
                .containsExactly(new Reading("battery", 5L, null, null));
    }

    @Test
    void newerSenmlVersion_isRejected() {
        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8("[{\"bver\":11,\"n\":\"battery\",\"v\":5}]"))))
                .hasMessage("SenML record 0: SenML version 11 is newer than version 10, which Pactum understands");
    }

    @Test
    void recordWithoutName_andInvalidName_areRejected() {
        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8("[{\"v\":5}]"))))
                .hasMessage("SenML record 0 has no name: neither 'n' nor a base name 'bn'");
        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8("[{\"n\":\"bat tery\",\"v\":5}]"))))
                .hasMessage("SenML record 0: the resolved name is not a valid SenML name (RFC 8428 §4.5.1)");
    }

    @Test
    void notAnArray_emptyPack_andTwoValues_areRejected() {
        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8("{\"n\":\"battery\",\"v\":5}"))))
                .hasMessage("SenML pack is an object, expected an array of records");
        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8("[]")))).hasMessage("SenML pack holds no records");
        assertThat(assertUnreadable(() -> translator(TOY).translate(utf8("[{\"n\":\"battery\",\"v\":5,\"vb\":true}]"))))
                .hasMessage("SenML record 0 has more than one of 'v', 'vs', 'vb', 'vd'");
    }

    @Test
    void dataValue_mustBeBase64url() {
        DataModel blob = new DataModel(List.of(field("blob", FieldType.STRING, null, null, null, DataCategory.TECHNICAL)));

        assertThat(translator(blob).translate(utf8("[{\"n\":\"blob\",\"vd\":\"aGk\"}]")).readings())
                .containsExactly(new Reading("blob", "aGk", null, null));
        assertThat(assertUnreadable(() -> translator(blob).translate(utf8("[{\"n\":\"blob\",\"vd\":\"a+/=\"}]"))))
                .hasMessage("SenML record 0: 'vd' must be base64url");
    }
}
