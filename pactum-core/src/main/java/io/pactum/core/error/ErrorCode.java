package io.pactum.core.error;

/**
 * Stable error codes. Adapters translate them into their protocol's vocabulary (HTTP status and
 * problem type, MQTT reason code, CoAP response code); clients may rely on the names.
 */
public enum ErrorCode {
    INVALID_INPUT("invalid-input"),
    UNAUTHENTICATED("unauthenticated"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not-found"),
    CONFLICT("conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large"),
    UNAVAILABLE("unavailable");

    private final String slug;

    ErrorCode(String slug) {
        this.slug = slug;
    }

    /** Lower-case, hyphenated form used in URIs and logs, e.g. {@code invalid-input}. */
    public String slug() {
        return slug;
    }
}
