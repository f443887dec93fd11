package io.pactum.core.sharing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of the policy decision point and why: the reason code, the agreement it rests on (absent
 * when no agreement applies), the consent receipt it rests on (where the legal basis is consent and a
 * receipt exists), and a short explanation for people. The explanation names ids, purposes and fields,
 * never values.
 */
public record Decision(DecisionReason reason, @Nullable String agreementId, @Nullable String consentReceiptId,
        String explanation) {
    public Decision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }

    public boolean allowed() {
        return reason.allows();
    }

    static Decision deny(DecisionReason reason, @Nullable String agreementId, @Nullable String consentReceiptId,
            String explanation) {
        if (reason.allows()) {
            throw new IllegalArgumentException("a denial needs a denying reason");
        }
        return new Decision(reason, agreementId, consentReceiptId, explanation);
    }
}
