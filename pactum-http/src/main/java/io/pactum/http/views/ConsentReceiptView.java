package io.pactum.http.views;

import io.pactum.core.sharing.ConsentAction;
import io.pactum.core.sharing.ConsentReceipt;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.time.Instant;

/**
 * A consent receipt, with the members of core's {@link ConsentReceipt} (the Kantara Initiative
 * Consent Receipt and ISO/IEC TS 27560 fields, reduced to one change; the OpenAPI document names
 * the counterpart of each).
 */
public record ConsentReceiptView(
        String receiptId,
        String version,
        Instant timestamp,
        String subjectId,
        String controllerId,
        String recipientId,
        Purpose purpose,
        LegalBasis legalBasis,
        ConsentAction action,
        String method,
        String collectedBy) {

    public static ConsentReceiptView of(ConsentReceipt r) {
        return new ConsentReceiptView(r.receiptId(), r.version(), r.timestamp(), r.subjectId(), r.controllerId(),
                r.recipientId(), r.purpose(), r.legalBasis(), r.action(), r.method(), r.collectedBy());
    }
}
