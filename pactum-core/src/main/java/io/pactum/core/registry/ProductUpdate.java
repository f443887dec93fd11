package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.translate.TranslationSpec;
import org.jspecify.annotations.Nullable;

/** A partial change to a product submission; absent members stay as they are. */
public record ProductUpdate(
        @Nullable String model,
        @Nullable String firmwareVersion,
        @Nullable DataModel dataModel,
        @Nullable PayloadFormat payloadFormat,
        @Nullable TranslationSpec translation,
        @Nullable IngestPolicy ingestPolicy) {

    public ProductUpdate(@Nullable String model, @Nullable String firmwareVersion, @Nullable DataModel dataModel,
            @Nullable PayloadFormat payloadFormat) {
        this(model, firmwareVersion, dataModel, payloadFormat, null, null);
    }

    public ProductUpdate {
        model = Checks.optionalText("model", model);
        firmwareVersion = Checks.optionalText("firmwareVersion", firmwareVersion);
        if (model == null && firmwareVersion == null && dataModel == null && payloadFormat == null
                && translation == null && ingestPolicy == null) {
            throw new InvalidInputException(null,
                    "an update names at least one of model, firmwareVersion, dataModel, payloadFormat, translation,"
                            + " ingestPolicy");
        }
    }

    public Product applyTo(Product product, java.time.Instant at) {
        return product.withSubmission(
                model != null ? model : product.model(),
                firmwareVersion != null ? firmwareVersion : product.firmwareVersion(),
                dataModel != null ? dataModel : product.dataModel(),
                payloadFormat != null ? payloadFormat : product.payloadFormat(),
                translation != null ? translation : product.translation(),
                ingestPolicy != null ? ingestPolicy : product.ingestPolicy(),
                at);
    }
}
