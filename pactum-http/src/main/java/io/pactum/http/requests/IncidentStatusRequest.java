package io.pactum.http.requests;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.TimelineEntry;
import org.jspecify.annotations.Nullable;

/** {@code PUT /api/v1/incidents/{id}/status}: the status to move to, and optionally why (kept on the timeline). */
public record IncidentStatusRequest(IncidentStatus status, String reason) {
    public IncidentStatusRequest(@Nullable IncidentStatus status, @Nullable String reason) {
        if (status == null) {
            throw new InvalidInputException("status", "status is required: open, contained or resolved");
        }
        this.status = status;
        this.reason = FreeText.optional(reason, "reason", TimelineEntry.MAX_DETAIL);
    }
}
