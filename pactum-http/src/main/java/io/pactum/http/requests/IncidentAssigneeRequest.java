package io.pactum.http.requests;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pactum.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/incidents/{id}/assignee}: {@code {"assignee": "<client id>"}} assigns,
 * {@code {"assignee": null}} unassigns. A class rather than a record because a record cannot tell a
 * member sent as null from one left out, and a body that forgot the member must not unassign.
 */
public final class IncidentAssigneeRequest {
    private @Nullable String assignee;
    private boolean given;

    @JsonProperty("assignee")
    void assignee(@Nullable String value) {
        this.assignee = value;
        this.given = true;
    }

    /** The client id to assign, or null to unassign; refuses a body without the member. */
    public @Nullable String assignee() {
        if (!given) {
            throw new InvalidInputException("assignee", "assignee is required: a client id, or null to unassign");
        }
        return assignee;
    }
}
