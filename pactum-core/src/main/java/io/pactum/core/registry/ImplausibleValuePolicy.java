package io.pactum.core.registry;

/** What happens to a message whose values are well-formed but outside the plausible range. */
public enum ImplausibleValuePolicy {
    /** Refuse the message: nothing is stored. */
    REJECT,
    /** Store it marked as implausible; it is never passed on as valid. */
    FLAG
}
