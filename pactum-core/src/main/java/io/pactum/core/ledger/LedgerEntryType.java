package io.pactum.core.ledger;

import io.pactum.core.audit.AuditEventType;

/** What a ledger entry records; the wire name is part of the canonical encoding and never changes. */
public enum LedgerEntryType {
    SECURITY_SIGNAL,
    POLICY_DENIAL,
    DATA_RELEASE,
    DELIVERY_WITHHELD,
    CONSENT_CHANGE,
    AGREEMENT_CHANGE,
    REGISTRY_CHANGE,
    DEVICE_STATE_CHANGE,
    PARTNER_COMMAND,
    INCIDENT_ACTION,
    ADMIN_LOGIN,
    /** The first entry of every ledger: the hub, its key and the encoding version. */
    LEDGER_STARTED,
    /** Events lost because the queue was full under a flood, with their count: the gap is on record. */
    EVENTS_DROPPED,
    /** A command the operator sent to a device (partner commands are {@link #PARTNER_COMMAND}). */
    DEVICE_COMMAND;

    /** The entry type that records an audit event. */
    public static LedgerEntryType of(AuditEventType event) {
        return switch (event) {
            case DATA_RELEASED -> DATA_RELEASE;
            case RELEASE_DENIED -> POLICY_DENIAL;
            case DELIVERY_WITHHELD -> DELIVERY_WITHHELD;
            case AGREEMENT_CHANGED -> AGREEMENT_CHANGE;
            case CONSENT_CHANGED -> CONSENT_CHANGE;
            case COMMAND_ALLOWED, COMMAND_REFUSED -> PARTNER_COMMAND;
            case COMMAND_SENT -> DEVICE_COMMAND;
            case SECURITY_SIGNAL -> SECURITY_SIGNAL;
            case REGISTRY_CHANGED -> REGISTRY_CHANGE;
            case DEVICE_STATE_CHANGED -> DEVICE_STATE_CHANGE;
            case ADMIN_LOGIN -> ADMIN_LOGIN;
            case INCIDENT_ACTION -> INCIDENT_ACTION;
            case LEDGER_STARTED -> LEDGER_STARTED;
            case EVENTS_DROPPED -> EVENTS_DROPPED;
        };
    }
}
