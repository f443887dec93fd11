package io.pactum.core.ingest;

/** Why a message was not accepted. Adapters map these to reason codes and HTTP statuses. */
public enum RejectReason {
    /** The device was quarantined or revoked, or its product suspended, since it connected. */
    DEVICE_NOT_ACTIVE,
    /** COSE structure unreadable, wrong algorithm, bad tag or signature. */
    INTEGRITY_FAILURE,
    /** The counter was used before or lies before the replay window. */
    REPLAY,
    /** The product requires protected messages and this one is not. */
    UNPROTECTED,
    /** The translator cannot read the payload. */
    MALFORMED_PAYLOAD,
    /** A value has the wrong type or unit, or lies outside the plausible range and the product rejects those. */
    INVALID_VALUE,
    /** Larger than the adapter or product allows. */
    TOO_LARGE
}
