package io.pactum.core.integrity;

/** How a device message was protected, as recorded in a canonical record's provenance. */
public enum IntegrityMethod {
    /** A plain payload, not protected by the device. */
    NONE,
    /** COSE_Mac0 with HMAC 256/256 under the device's symmetric key. */
    COSE_MAC0,
    /** COSE_Sign1 with Ed25519 or ES256 under the device's key pair. */
    COSE_SIGN1
}
