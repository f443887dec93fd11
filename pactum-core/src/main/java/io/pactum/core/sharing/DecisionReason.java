package io.pactum.core.sharing;

import java.util.Locale;

/** Why a decision came out as it did. The names and codes are stable: audit entries and APIs carry them. */
public enum DecisionReason {
    /** An active, valid agreement covers it, consent (where needed) stands and the rate limit holds. */
    ALLOWED,
    /** No agreement of the recipient covers the device or its product. */
    NO_AGREEMENT,
    /** The agreement's period of validity has not begun. */
    NOT_YET_VALID,
    /** The agreement's period of validity has ended. */
    EXPIRED,
    /** The agreement is suspended. */
    SUSPENDED,
    /** The agreement is revoked. */
    REVOKED,
    /** The recipient's agreements that cover it are for other purposes. */
    WRONG_PURPOSE,
    /** The legal basis is consent and there is no consent for (subject, recipient, purpose), or no subject. */
    CONSENT_MISSING,
    /** The legal basis is consent and the subject withdrew it. */
    CONSENT_WITHDRAWN,
    /** The agreement's rate limit is exhausted for now. */
    RATE_LIMITED,
    /** The field (or, for a record, every field) is outside the agreement's named fields. */
    FIELD_OUT_OF_SCOPE,
    /** No agreement of the recipient grants this command for this device. */
    COMMAND_NOT_GRANTED,
    /** The device is not active (quarantined or revoked), so it takes no partner commands. */
    DEVICE_NOT_ACTIVE;

    public boolean allows() {
        return this == ALLOWED;
    }

    /** Lower-case, hyphenated form for APIs and logs, e.g. {@code consent-withdrawn}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
