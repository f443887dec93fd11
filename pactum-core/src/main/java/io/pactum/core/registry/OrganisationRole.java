package io.pactum.core.registry;

/** What an organisation is to the ecosystem; it decides what its clients may do. */
public enum OrganisationRole {
    /** Runs the hub and administers everything: the solution owner and data controller. */
    OPERATOR,
    /** Device maker: registers products and provisions their devices. */
    SUPPLIER,
    /** Integrator, carrier or application provider: receives data as agreements allow. */
    PARTNER,
    /** Security researcher reporting vulnerabilities through the disclosure programme. */
    RESEARCHER
}
