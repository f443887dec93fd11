package io.pactum.core.audit;

/** What an audit event records. */
public enum AuditEventType {
    /** A record released to a recipient's outbox under an agreement. */
    DATA_RELEASED,
    /** An agreement covering a record did not let it go, with the reason. */
    RELEASE_DENIED,
    /** A released record held in an outbox was not delivered: its agreement or consent no longer allowed it. */
    DELIVERY_WITHHELD,
    /** An agreement was created, suspended, resumed or revoked. */
    AGREEMENT_CHANGED,
    /** A data subject's consent was given or withdrawn (a consent receipt). */
    CONSENT_CHANGED,
    /** A partner command was admitted under an agreement. */
    COMMAND_ALLOWED,
    /** A partner command was refused, with the reason. */
    COMMAND_REFUSED
}
