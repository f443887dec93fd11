package io.pactum.core.registry;

/** Whether a device may connect and have its data forwarded. */
public enum DeviceState {
    ACTIVE,
    /** Contained after an incident: refused at connect, its data not forwarded; only the operator releases it. */
    QUARANTINED,
    /** Permanently withdrawn, e.g. decommissioned or its credential compromised. */
    REVOKED
}
