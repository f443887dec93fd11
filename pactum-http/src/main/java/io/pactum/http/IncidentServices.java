package io.pactum.http;

import io.pactum.core.incident.IncidentResponse;
import io.pactum.core.incident.IncidentService;
import java.util.Objects;

/**
 * What the API offers about incidents, all for the operator: reading them and their timelines,
 * changing status and assignee, notes, and taking and reversing response actions. Without it,
 * {@link ApiRouter} serves none of these routes.
 */
public record IncidentServices(IncidentService incidents, IncidentResponse response) {
    public IncidentServices {
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(response, "response");
    }
}
