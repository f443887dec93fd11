package io.pactum.http.requests;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.TimelineEntry;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/incidents/{id}/actions} and {@code .../actions/reverse}: a response action by
 * name ({@code quarantine-device}), what it acts on (a device id, an organisation id, a host), and
 * optionally why. Checked in full here because the action takes effect before the timeline records
 * it: a target the record would refuse must never reach the action.
 */
public record IncidentActionRequest(String action, String target, String reason) {
    /** The longest target a timeline keeps. */
    static final int MAX_TARGET = 256;

    public IncidentActionRequest(@Nullable String action, @Nullable String target, @Nullable String reason) {
        if (action == null || action.isBlank()) {
            throw new InvalidInputException("action", "action is required, e.g. quarantine-device");
        }
        this.action = action;
        this.target = FreeText.required(target, "target", MAX_TARGET);
        this.reason = FreeText.optional(reason, "reason", TimelineEntry.MAX_DETAIL);
    }
}
