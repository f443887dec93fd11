package io.pactum.core.registry;

import io.pactum.core.translate.TranslationSpec;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A supplier's product: the model and firmware version that devices run, what they send, and
 * whether the operator has admitted it. (model, firmwareVersion) is unique per supplier.
 */
public record Product(
        String id,
        String supplierId,
        String model,
        String firmwareVersion,
        DataModel dataModel,
        PayloadFormat payloadFormat,
        TranslationSpec translation,
        IngestPolicy ingestPolicy,
        ApprovalState approvalState,
        @Nullable String approvalNote,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        Checks.identifier("id", id);
        Checks.identifier("supplierId", supplierId);
        model = Checks.text("model", model);
        firmwareVersion = Checks.text("firmwareVersion", firmwareVersion);
        Objects.requireNonNull(dataModel, "dataModel");
        Objects.requireNonNull(payloadFormat, "payloadFormat");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(ingestPolicy, "ingestPolicy");
        Objects.requireNonNull(approvalState, "approvalState");
        approvalNote = Checks.optionalText("approvalNote", approvalNote);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A product read by its format's default translation, with the default ingest policy. */
    public Product(String id, String supplierId, String model, String firmwareVersion, DataModel dataModel,
            PayloadFormat payloadFormat, ApprovalState approvalState, @Nullable String approvalNote,
            Instant createdAt, Instant updatedAt) {
        this(id, supplierId, model, firmwareVersion, dataModel, payloadFormat, TranslationSpec.DEFAULTS,
                IngestPolicy.DEFAULT, approvalState, approvalNote, createdAt, updatedAt);
    }

    public Product withSubmission(String newModel, String newFirmware, DataModel newModelSpec,
            PayloadFormat newFormat, TranslationSpec newTranslation, IngestPolicy newPolicy, Instant at) {
        return new Product(id, supplierId, newModel, newFirmware, newModelSpec, newFormat, newTranslation, newPolicy,
                ApprovalState.PENDING, null, createdAt, at);
    }

    public Product withApproval(ApprovalState state, @Nullable String note, Instant at) {
        return new Product(id, supplierId, model, firmwareVersion, dataModel, payloadFormat, translation, ingestPolicy,
                state,
                note, createdAt, at);
    }
}
