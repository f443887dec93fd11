package io.pactum.core.registry;

import io.pactum.core.translate.TranslationSpec;
import org.jspecify.annotations.Nullable;

/**
 * A supplier's product submission. {@code supplierId} is needed only when the operator registers
 * a product on a supplier's behalf; a supplier always registers for itself.
 */
public record NewProduct(
        @Nullable String supplierId,
        String model,
        String firmwareVersion,
        DataModel dataModel,
        PayloadFormat payloadFormat,
        TranslationSpec translation,
        IngestPolicy ingestPolicy) {

    /** A submission with the default ingest policy. */
    public NewProduct(@Nullable String supplierId, @Nullable String model, @Nullable String firmwareVersion,
            @Nullable DataModel dataModel, @Nullable PayloadFormat payloadFormat) {
        this(supplierId, model, firmwareVersion, dataModel, payloadFormat, null, null);
    }

    public NewProduct(@Nullable String supplierId, @Nullable String model, @Nullable String firmwareVersion,
            @Nullable DataModel dataModel, @Nullable PayloadFormat payloadFormat,
            @Nullable TranslationSpec translation, @Nullable IngestPolicy ingestPolicy) {
        this.supplierId = Checks.optionalIdentifier("supplierId", supplierId);
        this.model = Checks.text("model", model);
        this.firmwareVersion = Checks.text("firmwareVersion", firmwareVersion);
        this.dataModel = Checks.present("dataModel", dataModel);
        this.payloadFormat = Checks.present("payloadFormat", payloadFormat);
        this.translation = translation == null ? TranslationSpec.DEFAULTS : translation;
        this.ingestPolicy = ingestPolicy == null ? IngestPolicy.DEFAULT : ingestPolicy;
    }
}
