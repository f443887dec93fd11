package io.pactum.http.requests;

import io.pactum.core.incident.TimelineEntry;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/incidents/{id}/notes}: a note for the incident's timeline. */
public record IncidentNoteRequest(String text) {
    public IncidentNoteRequest(@Nullable String text) {
        this.text = FreeText.required(text, "text", TimelineEntry.MAX_DETAIL);
    }
}
