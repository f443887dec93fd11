package io.pactum.core.translate;

import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.PayloadFormat;
import java.time.Clock;
import java.util.Objects;

/** Builds the translator for a product's payload format, data model and translation spec. */
public final class PayloadTranslators {
    private PayloadTranslators() {}

    /**
     * @param clock resolves SenML relative times ("10 seconds ago")
     * @throws io.pactum.core.error.InvalidInputException if the spec does not fit the model or format
     */
    public static PayloadTranslator create(PayloadFormat format, TranslationSpec spec, DataModel model, Clock clock) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(clock, "clock");
        spec.validateAgainst(model, format);
        return switch (format) {
            case JSON -> new JsonTranslator(spec, model);
            case SENML_JSON -> new SenmlTranslator(false, spec, model, clock);
            case SENML_CBOR -> new SenmlTranslator(true, spec, model, clock);
            case BINARY -> new BinaryTranslator(Objects.requireNonNull(spec.binary(), "binary"), model);
        };
    }
}
