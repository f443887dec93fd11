package io.pactum.core.sharing;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The record of one consent change, kept for every change, with the fields of the Kantara Initiative
 * Consent Receipt and ISO/IEC TS 27560 (consent record information structure), reduced to what one
 * change for one (subject, recipient, purpose) needs:
 *
 * <ul>
 *   <li>{@code receiptId} — unique id of the receipt (Kantara {@code consentReceiptID});
 *   <li>{@code version} — version of this receipt structure (Kantara {@code version}), {@link #VERSION};
 *   <li>{@code timestamp} — when the change took effect (Kantara {@code consentTimestamp});
 *   <li>{@code subjectId} — the data subject's pseudonymous id (Kantara {@code piiPrincipalId});
 *   <li>{@code controllerId} — organisation id of the controller, the hub operator (Kantara {@code piiControllers});
 *   <li>{@code recipientId} — organisation the data goes to (Kantara {@code services}/third-party sharing);
 *   <li>{@code purpose}, {@code legalBasis} — always {@link LegalBasis#CONSENT} (Kantara {@code purposes},
 *       {@code consentType});
 *   <li>{@code action} — given or withdrawn (ISO/IEC TS 27560 consent event / state);
 *   <li>{@code method} — how it was collected, e.g. {@code api} or {@code operator-on-behalf}
 *       (Kantara {@code collectionMethod});
 *   <li>{@code collectedBy} — id of the API client that recorded it.
 * </ul>
 */
public record ConsentReceipt(
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
    /** The version of this receipt structure. */
    public static final String VERSION = "pactum-cr-1";

    public ConsentReceipt(
            @Nullable String receiptId,
            @Nullable String version,
            @Nullable Instant timestamp,
            @Nullable String subjectId,
            @Nullable String controllerId,
            @Nullable String recipientId,
            @Nullable Purpose purpose,
            @Nullable LegalBasis legalBasis,
            @Nullable ConsentAction action,
            @Nullable String method,
            @Nullable String collectedBy) {
        this.receiptId = Checks.identifier("receiptId", receiptId);
        this.version = Checks.text("version", version);
        this.timestamp = AgreementChecks.present("timestamp", timestamp);
        this.subjectId = Checks.identifier("subjectId", subjectId);
        this.controllerId = Checks.identifier("controllerId", controllerId);
        this.recipientId = Checks.identifier("recipientId", recipientId);
        this.purpose = AgreementChecks.present("purpose", purpose);
        this.legalBasis = AgreementChecks.present("legalBasis", legalBasis);
        if (this.legalBasis != LegalBasis.CONSENT) {
            throw new InvalidInputException("legalBasis", "a consent receipt records consent only");
        }
        this.action = AgreementChecks.present("action", action);
        this.method = Checks.identifier("method", method);
        this.collectedBy = Checks.identifier("collectedBy", collectedBy);
    }

    /** Whether, after this change, consent stands. */
    public boolean given() {
        return action == ConsentAction.GIVEN;
    }
}
