package io.pactum.core.signal;

/** What was observed. The names are stable: detectors and playbooks refer to them. */
public enum SignalType {
    /** A device or client failed to authenticate (unknown id, wrong secret or certificate). */
    AUTHENTICATION_FAILURE,
    /** A known device that may not connect tried to (quarantined, revoked, product not approved). */
    CONNECTION_REFUSED,
    /** A second connection presented a device id that is already connected. */
    CLIENT_ID_CONFLICT,
    /** Publish to a topic outside the device's own namespace. */
    FORBIDDEN_PUBLISH,
    /** Subscription to a wildcard, {@code $SYS} or another device's topic. */
    FORBIDDEN_SUBSCRIPTION,
    /** A protected message whose tag or signature does not verify, or that cannot be parsed as COSE. */
    INTEGRITY_FAILURE,
    /** A message whose counter was already used or lies before the replay window. */
    REPLAY,
    /** An unprotected message for a product that requires protection. */
    UNPROTECTED_MESSAGE,
    /** A payload the product's translator cannot read. */
    MALFORMED_PAYLOAD,
    /** A value outside the product's data model: wrong type, wrong unit or implausible. */
    IMPLAUSIBLE_VALUE,
    /** A message larger than allowed. */
    OVERSIZED_MESSAGE,
    /** A partner command that no agreement allows: not granted, device inactive, consent or rate limit. */
    COMMAND_REFUSED,
    /**
     * A partner's API request refused because no agreement or role gives it what it asked for
     * (answered 403 or 404); the subject is the partner organisation.
     */
    ACCESS_DENIED
}
