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
    COMMAND_REFUSED,
    /** The operator sent a command to a device: delivered, or stored as undeliverable with the reason. */
    COMMAND_SENT,
    /** A security signal: an authentication failure, a replay, a forbidden subscription and the like. */
    SECURITY_SIGNAL,
    /** An organisation, product, device, device group, API client or webhook was created or changed. */
    REGISTRY_CHANGED,
    /** A device was activated, suspended, quarantined, released or retired. */
    DEVICE_STATE_CHANGED,
    /** An operator or partner signed in, or failed to. */
    ADMIN_LOGIN,
    /** An incident response action, automatic or by an operator. */
    INCIDENT_ACTION,
    /** The ledger began: the hub, its checkpoint key and the encoding version. */
    LEDGER_STARTED,
    /** Queued entries that could not be kept because the ledger's queue was full: how many. */
    EVENTS_DROPPED
}
