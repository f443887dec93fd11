package io.pactum.core.sharing;

import java.util.Locale;

/**
 * Why a recipient receives data: a fixed vocabulary based on the purposes of the W3C Data Privacy
 * Vocabulary (DPV, {@code https://w3id.org/dpv#}) and its health sector extension
 * ({@code https://w3id.org/dpv/sector/health#}). Each constant names the DPV concept it stands for in
 * {@link #dpvConcept()}; where DPV has no concept of its own, the constant is a narrower Pactum purpose
 * under the named DPV concept, and {@link #isExactDpvMatch()} is false.
 *
 * <p>The names are stable: agreements, consent receipts and audit entries refer to them.
 */
public enum Purpose {
    /** General provision of the service the data subject uses. DPV {@code dpv:ServiceProvision}. */
    SERVICE_PROVISION("https://w3id.org/dpv#ServiceProvision", true),
    /**
     * Care and health services for the data subject (e.g. a care provider watching vital signs).
     * DPV health sector {@code sector-health:HealthcareManagement}.
     */
    HEALTHCARE("https://w3id.org/dpv/sector/health#HealthcareManagement", true),
    /**
     * Monitoring a person's or a site's safety (falls, alarms, smoke). DPV has no safety purpose; this
     * is a Pactum purpose narrower than {@code dpv:ServiceProvision}, typically with legal basis vital
     * interest or consent.
     */
    SAFETY_MONITORING("https://w3id.org/dpv#ServiceProvision", false),
    /**
     * Maintenance and repair of devices: finding and fixing faults. DPV {@code dpv:RepairImpairments}
     * (narrower than {@code dpv:ServiceProvision}).
     */
    MAINTENANCE("https://w3id.org/dpv#RepairImpairments", true),
    /** Billing and invoicing for the service. DPV {@code dpv:PaymentManagement}. */
    BILLING("https://w3id.org/dpv#PaymentManagement", true),
    /**
     * Analysis of how the service or product is used. DPV {@code dpv:ServiceUsageAnalytics}.
     */
    USAGE_ANALYTICS("https://w3id.org/dpv#ServiceUsageAnalytics", true),
    /** Improving existing products and services. DPV {@code dpv:ImproveExistingProductsAndServices}. */
    PRODUCT_IMPROVEMENT("https://w3id.org/dpv#ImproveExistingProductsAndServices", true),
    /**
     * Research and development of new methods, products or services; covers DPV's narrower
     * {@code AcademicResearch}, {@code CommercialResearch} and {@code NonCommercialResearch}.
     * DPV {@code dpv:ResearchAndDevelopment}.
     */
    RESEARCH("https://w3id.org/dpv#ResearchAndDevelopment", true),
    /** Promoting, selling and distributing products or services. DPV {@code dpv:Marketing}. */
    MARKETING("https://w3id.org/dpv#Marketing", true),
    /** Security of data, devices and people, e.g. a security operations partner. DPV {@code dpv:EnforceSecurity}. */
    SECURITY("https://w3id.org/dpv#EnforceSecurity", true),
    /** Fulfilling a legal or statutory obligation, e.g. reporting to an authority. DPV {@code dpv:LegalCompliance}. */
    LEGAL_COMPLIANCE("https://w3id.org/dpv#LegalCompliance", true);

    private final String dpvConcept;
    private final boolean exactDpvMatch;

    Purpose(String dpvConcept, boolean exactDpvMatch) {
        this.dpvConcept = dpvConcept;
        this.exactDpvMatch = exactDpvMatch;
    }

    /** IRI of the DPV concept this purpose is, or (if not {@link #isExactDpvMatch()}) is narrower than. */
    public String dpvConcept() {
        return dpvConcept;
    }

    /** Whether {@link #dpvConcept()} is this very purpose rather than a broader one. */
    public boolean isExactDpvMatch() {
        return exactDpvMatch;
    }

    /** Lower-case form used on the wire and in explanations, e.g. {@code safety_monitoring}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
