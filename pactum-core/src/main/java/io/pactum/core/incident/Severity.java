package io.pactum.core.incident;

/** How bad an incident is, from least to most; the order is the declaration order. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The more severe of the two. */
    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
