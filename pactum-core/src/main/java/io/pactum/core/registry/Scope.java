package io.pactum.core.registry;

/**
 * What a token may do within what its organisation's role allows. A scope never widens a role:
 * a partner token with {@code WRITE} still cannot register products.
 */
public enum Scope {
    /** Read the organisation's resources. */
    READ,
    /** Create and change the organisation's resources. */
    WRITE,
    /** Manage the organisation's API clients and tokens. */
    ADMIN
}
