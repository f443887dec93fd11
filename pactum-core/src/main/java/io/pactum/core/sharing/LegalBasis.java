package io.pactum.core.sharing;

import java.util.Locale;

/**
 * The lawful basis of a sharing agreement, after GDPR Art. 6(1), with the DPV concept of each.
 * Only {@link #CONSENT} makes the decision depend on the data subject's consent.
 */
public enum LegalBasis {
    /** Art. 6(1)(a); DPV {@code dpv:Consent}. Data leaves only while the subject's consent stands. */
    CONSENT("https://w3id.org/dpv#Consent"),
    /** Art. 6(1)(b); DPV {@code dpv:Contract}. */
    CONTRACT("https://w3id.org/dpv#Contract"),
    /** Art. 6(1)(d); DPV {@code dpv:VitalInterest}. */
    VITAL_INTEREST("https://w3id.org/dpv#VitalInterest"),
    /** Art. 6(1)(c); DPV {@code dpv:LegalObligation}. */
    LEGAL_OBLIGATION("https://w3id.org/dpv#LegalObligation"),
    /** Art. 6(1)(f); DPV {@code dpv:LegitimateInterest}. */
    LEGITIMATE_INTEREST("https://w3id.org/dpv#LegitimateInterest"),
    /** Art. 6(1)(e), public interest or official authority; DPV {@code dpv:PublicInterest}. */
    PUBLIC_TASK("https://w3id.org/dpv#PublicInterest");

    private final String dpvConcept;

    LegalBasis(String dpvConcept) {
        this.dpvConcept = dpvConcept;
    }

    public String dpvConcept() {
        return dpvConcept;
    }

    public boolean requiresConsent() {
        return this == CONSENT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
