package io.pactum.core.privacy;

/** What happens to one field on its way to one recipient. */
public enum TransformKind {
    /** Passed on unchanged. */
    KEEP,
    /** Removed from the recipient's view. */
    DROP,
    /** Replaced by a keyed pseudonym, stable for one recipient, different across recipients. */
    PSEUDONYMISE,
    /** A number rounded to the nearest multiple of {@code step}. */
    ROUND,
    /** A coordinate (latitude or longitude, degrees) floored to a grid of {@code step} degrees. */
    COARSEN_LOCATION
}
