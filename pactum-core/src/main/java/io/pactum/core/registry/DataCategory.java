package io.pactum.core.registry;

/**
 * What kind of data a field holds. It decides how the field is protected: health and location are
 * special or sensitive personal data, identifiers link records to a person, technical data does not.
 */
public enum DataCategory {
    HEALTH,
    LOCATION,
    IDENTIFIER,
    BEHAVIOURAL,
    AUDIO_VISUAL,
    TECHNICAL;

    /** Whether values of this category relate to a person and so fall under the GDPR. */
    public boolean isPersonal() {
        return this != TECHNICAL;
    }
}
