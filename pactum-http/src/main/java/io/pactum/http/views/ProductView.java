package io.pactum.http.views;

import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.translate.TranslationSpec;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record ProductView(
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

    public static ProductView of(Product p) {
        return new ProductView(p.id(), p.supplierId(), p.model(), p.firmwareVersion(), p.dataModel(),
                p.payloadFormat(), p.translation(), p.ingestPolicy(), p.approvalState(), p.approvalNote(), p.createdAt(), p.updatedAt());
    }
}
