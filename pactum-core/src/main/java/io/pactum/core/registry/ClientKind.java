package io.pactum.core.registry;

/** Whether a token belongs to a person or to a machine; both authenticate the same way. */
public enum ClientKind {
    USER,
    SERVICE
}
