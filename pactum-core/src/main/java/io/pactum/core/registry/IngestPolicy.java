package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * How the hub treats a product's messages. Secure by default: messages must be protected (COSE
 * Mac0 or Sign1), implausible values are rejected, and records are kept for a year.
 *
 * @param protectionRequired whether unprotected messages are refused
 * @param implausibleValues what to do with values outside the plausible range
 * @param retentionDays how long stored records are kept
 */
public record IngestPolicy(Boolean protectionRequired, ImplausibleValuePolicy implausibleValues,
        Integer retentionDays) {

    public static final int DEFAULT_RETENTION_DAYS = 365;
    public static final int MAX_RETENTION_DAYS = 3650;
    public static final IngestPolicy DEFAULT = new IngestPolicy(true, ImplausibleValuePolicy.REJECT,
            DEFAULT_RETENTION_DAYS);

    /** Members left out take their default. */
    public IngestPolicy(@Nullable Boolean protectionRequired, @Nullable ImplausibleValuePolicy implausibleValues,
            @Nullable Integer retentionDays) {
        this.protectionRequired = protectionRequired == null || protectionRequired;
        this.implausibleValues = implausibleValues == null ? ImplausibleValuePolicy.REJECT : implausibleValues;
        this.retentionDays = retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
        if (this.retentionDays < 1 || this.retentionDays > MAX_RETENTION_DAYS) {
            throw new InvalidInputException("retentionDays",
                    "retentionDays must be from 1 to " + MAX_RETENTION_DAYS);
        }
    }
}
