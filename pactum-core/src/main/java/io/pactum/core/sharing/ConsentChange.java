package io.pactum.core.sharing;

import io.pactum.core.registry.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Request to give or withdraw consent for one purpose and one recipient, by the data subject or by the
 * operator on the subject's behalf. {@code method} says which, e.g. {@code api} or
 * {@code operator-on-behalf}.
 */
public record ConsentChange(String subjectId, String recipientId, Purpose purpose, ConsentAction action, String method) {
    public static final String METHOD_API = "api";
    public static final String METHOD_OPERATOR_ON_BEHALF = "operator-on-behalf";

    public ConsentChange(@Nullable String subjectId, @Nullable String recipientId, @Nullable Purpose purpose,
            @Nullable ConsentAction action, @Nullable String method) {
        this.subjectId = Checks.identifier("subjectId", subjectId);
        this.recipientId = Checks.identifier("recipientId", recipientId);
        this.purpose = AgreementChecks.present("purpose", purpose);
        this.action = AgreementChecks.present("action", action);
        this.method = Checks.identifier("method", method == null ? METHOD_API : method);
    }

    /** The receipt that records this change. */
    public ConsentReceipt toReceipt(String receiptId, String controllerId, String collectedBy, Instant at) {
        return new ConsentReceipt(receiptId, ConsentReceipt.VERSION, at, subjectId, controllerId, recipientId,
                purpose, LegalBasis.CONSENT, action, method, collectedBy);
    }
}
