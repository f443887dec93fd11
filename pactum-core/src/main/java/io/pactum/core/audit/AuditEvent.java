package io.pactum.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One accountable event: its type, when, who acted (an API client id, or {@code hub} for what the
 * hub decided itself), and details as sorted name/value pairs. Personal data appears only as the
 * recipient's pseudonym of a data subject (detail {@code subjectPseudonym}), never as a raw id or a
 * value.
 */
public record AuditEvent(AuditEventType type, Instant at, String actor, Map<String, String> details) {
    /** The actor of decisions the hub takes itself. */
    public static final String HUB = "hub";

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        details = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }
}
