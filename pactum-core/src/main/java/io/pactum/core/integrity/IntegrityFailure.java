package io.pactum.core.integrity;

/**
 * Why a protected message was rejected. The names are stable: adapters map them to protocol
 * reason codes and detectors key signals on them.
 */
public enum IntegrityFailure {
    /** Not well-formed CBOR, not a COSE_Mac0/COSE_Sign1 structure, or a header of the wrong type. */
    MALFORMED,
    /** The payload is detached (nil); Pactum requires it inside the message. */
    DETACHED_PAYLOAD,
    /** The algorithm is unknown, not one Pactum accepts, or does not fit the message type. */
    UNSUPPORTED_ALGORITHM,
    /** The algorithm is carried only in the unprotected header, where anyone could change it. */
    UNPROTECTED_ALGORITHM,
    /** The device has no key of the kind the algorithm needs (this includes an alg/key mismatch). */
    NO_KEY_FOR_ALGORITHM,
    /** The MAC tag does not match. */
    BAD_TAG,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** The protected header carries no message counter. */
    MISSING_COUNTER,
    /** The counter is not an unsigned integer from 1 to 2^63-1. */
    INVALID_COUNTER,
    /** The protected key id is absent or is not the id of the device the message came from. */
    KEY_ID_MISMATCH
}
