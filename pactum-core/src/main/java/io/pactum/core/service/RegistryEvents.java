package io.pactum.core.service;

import io.pactum.core.access.AccessPolicy;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.registry.Scope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The audit events of registry changes, built in one place so that every service names its details
 * alike: {@code action} says what happened, the other details name the ids involved. Details never
 * hold tokens, secrets or free text a caller chose (names), and a data subject's id only ever goes in
 * {@code subjectId}, which the ledger encrypts under the subject's own key.
 */
final class RegistryEvents {
    private RegistryEvents() {}

    /**
     * A REGISTRY_CHANGED event; {@code namesAndValues} alternates detail names and values, and a
     * detail whose value is null is left out.
     */
    static AuditEvent changed(String actor, Instant at, String action, @Nullable String... namesAndValues) {
        Map<String, String> details = details(namesAndValues);
        details.put("action", action);
        return new AuditEvent(AuditEventType.REGISTRY_CHANGED, at, actor, details);
    }

    /** A DEVICE_STATE_CHANGED event, its details given as for {@link #changed}. */
    static AuditEvent deviceState(String actor, Instant at, @Nullable String... namesAndValues) {
        return new AuditEvent(AuditEventType.DEVICE_STATE_CHANGED, at, actor, details(namesAndValues));
    }

    /** Scopes as one short, stable value: lower-case names, sorted, comma-separated. */
    static String scopes(Set<Scope> scopes) {
        return scopes.stream().map(AccessPolicy::name).sorted().collect(Collectors.joining(","));
    }

    private static Map<String, String> details(@Nullable String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in name/value pairs");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null) {
                details.put(java.util.Objects.requireNonNull(namesAndValues[i], "detail name"), value);
            }
        }
        return details;
    }
}
