package io.pactum.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.translate.PayloadTranslator;
import io.pactum.core.translate.PayloadTranslators;
import io.pactum.core.translate.Reading;
import io.pactum.core.translate.TranslationSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packs the SDK writes are read back by the hub's own SenML translators, in both encodings. */
class SenmlPackTest {
    private static final Instant MEASURED = Instant.parse("2026-11-23T10:15:30.250Z");
    private static final DataModel TOY = new DataModel(List.of(
            new FieldSpec("temperature", FieldType.NUMBER, "Cel", -20.0, 60.0, DataCategory.TECHNICAL),
            new FieldSpec("microphone", FieldType.BOOLEAN, null, null, null, DataCategory.AUDIO_VISUAL),
            new FieldSpec("mood", FieldType.STRING, null, null, null, DataCategory.BEHAVIOURAL)));

    private final SenmlPack pack = SenmlPack.withBaseName("urn:dev:toy-7:")
            .add("temperature", 21.5, "Cel", MEASURED)
            .add("microphone", true)
            .add("mood", "happy");

    @Test
    void cborPack_isReadBackByTheHubsSenmlCborTranslator() {
        assertReadBack(PayloadFormat.SENML_CBOR, pack.toCbor());
    }

    @Test
    void jsonPack_isReadBackByTheHubsSenmlJsonTranslator() {
        assertReadBack(PayloadFormat.SENML_JSON, pack.toJson());
    }

    private static void assertReadBack(PayloadFormat format, byte[] payload) {
        PayloadTranslator translator = PayloadTranslators.create(format, TranslationSpec.DEFAULTS, TOY,
                Clock.fixed(MEASURED.plusSeconds(5), ZoneOffset.UTC));

        List<Reading> readings = translator.translate(payload).readings();

        assertThat(readings).containsExactly(
                new Reading("temperature", 21.5, "Cel", MEASURED),
                new Reading("microphone", true, null, null),
                new Reading("mood", "happy", null, null));
    }
}
