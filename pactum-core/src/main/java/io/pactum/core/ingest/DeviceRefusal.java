package io.pactum.core.ingest;

/** Why a device may not connect. Adapters map these to their reason codes. */
public enum DeviceRefusal {
    /** No such device, or the secret or certificate does not match: the two are not told apart. */
    BAD_CREDENTIALS,
    DEVICE_QUARANTINED,
    DEVICE_REVOKED,
    PRODUCT_NOT_APPROVED,
    /** The connection comes from a host blocked after an attack from it. */
    SOURCE_BLOCKED
}
