package io.pactum.core.detect;

/**
 * What a behaviour measures, and about which subject. The subject of each metric is fixed, so
 * that an alarm's subject means one thing: a device id, a source host or an organisation id.
 */
public enum Metric {
    /** Failed authentications (signal AUTHENTICATION_FAILURE) per source host, whatever id was tried. */
    AUTH_FAILURES(Kind.COUNT, Subject.SOURCE_HOST, false),
    /** Connection attempts per device id: accepted connections and refused ones (CONNECTION_REFUSED). */
    CONNECTS(Kind.COUNT, Subject.DEVICE, false),
    /** Accepted messages per device. */
    MESSAGES(Kind.COUNT, Subject.DEVICE, true),
    /** Bytes of accepted messages per device. */
    BYTES(Kind.COUNT, Subject.DEVICE, true),
    /** Messages whose tag or signature did not verify, per device (signal INTEGRITY_FAILURE). */
    INTEGRITY_FAILURES(Kind.COUNT, Subject.DEVICE, false),
    /** Replayed messages per device (signal REPLAY). */
    REPLAYS(Kind.COUNT, Subject.DEVICE, false),
    /**
     * Refused publications and subscriptions per device or client (FORBIDDEN_PUBLISH and
     * FORBIDDEN_SUBSCRIPTION). A count, not distinct topics: the adapters deliberately keep topic
     * names, which may hold another device's id, out of signals.
     */
    FORBIDDEN_TOPICS(Kind.COUNT, Subject.DEVICE, false),
    /**
     * Distinct source hosts that connected as, or collided with, one device id in the window
     * (Connected, CLIENT_ID_CONFLICT): two hosts holding one device's credentials.
     */
    DISTINCT_SOURCES(Kind.DISTINCT, Subject.DEVICE, false),
    /** Second connections that took over a device's session (signal CLIENT_ID_CONFLICT). */
    CLIENT_ID_CONFLICTS(Kind.COUNT, Subject.DEVICE, false),
    /** Partner requests and commands that no agreement allows, per organisation. */
    PARTNER_DENIALS(Kind.COUNT, Subject.ORGANISATION, false),
    /**
     * How far a numeric value lies from the device's learned profile for that field:
     * {@code |value − EWMA mean| / EWMA deviation}, per device and field. Not windowed.
     */
    VALUE_DEVIATION(Kind.DEVIATION, Subject.DEVICE, true);

    /** How the metric is computed. */
    public enum Kind {
        /** A sum over a sliding window. */
        COUNT,
        /** Distinct values over a sliding window, saturating at 32 (enough for any sensible threshold). */
        DISTINCT,
        /** A score per data point against a per-subject baseline. */
        DEVIATION
    }

    /** What an alarm's subject names. */
    public enum Subject {
        DEVICE,
        SOURCE_HOST,
        ORGANISATION
    }

    private final Kind kind;
    private final Subject subject;
    private final boolean knowsProduct;

    Metric(Kind kind, Subject subject, boolean knowsProduct) {
        this.kind = kind;
        this.subject = subject;
        this.knowsProduct = knowsProduct;
    }

    public Kind kind() {
        return kind;
    }

    public Subject subject() {
        return subject;
    }

    /** Whether the observations behind this metric carry a product id, so a product scope applies. */
    public boolean knowsProduct() {
        return knowsProduct;
    }
}
