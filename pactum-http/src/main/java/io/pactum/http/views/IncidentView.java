package io.pactum.http.views;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.LinkedSignal;
import io.pactum.core.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An incident as the operator sees it. {@code version} is also sent as the {@code ETag}; a change of
 * status or assignee names it in {@code If-Match}.
 */
public record IncidentView(
        String id,
        String detector,
        String subject,
        String title,
        Severity severity,
        IncidentStatus status,
        Instant detectedAt,
        Instant lastSignalAt,
        @Nullable Instant containedAt,
        @Nullable Instant resolvedAt,
        Set<String> deviceIds,
        Set<String> organisationIds,
        Set<String> dataSubjectIds,
        List<SignalView> signals,
        long signalCount,
        @Nullable String assignee,
        long version) {

    /** One of the latest signals behind the incident: its type (lower case, like every enum), subject and time. */
    public record SignalView(String type, String subject, Instant at) {
        static SignalView of(LinkedSignal s) {
            return new SignalView(s.type().toLowerCase(java.util.Locale.ROOT), s.subject(), s.at());
        }
    }

    public static IncidentView of(Incident i) {
        return new IncidentView(i.id(), i.detector(), i.subject(), i.title(), i.severity(), i.status(), i.detectedAt(),
                i.lastSignalAt(), i.containedAt(), i.resolvedAt(), i.deviceIds(), i.organisationIds(),
                i.dataSubjectIds(), i.signals().stream().map(SignalView::of).toList(), i.signalCount(), i.assignee(),
                i.version());
    }
}
