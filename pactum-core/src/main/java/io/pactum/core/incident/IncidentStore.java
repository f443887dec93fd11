package io.pactum.core.incident;

import java.util.List;
import java.util.Optional;

/**
 * Where incidents and their timelines are kept. Implementations must be thread-safe; several hub
 * nodes may share one store, so versions, not locks in memory, guard against lost updates.
 */
public interface IncidentStore {
    /**
     * Stores a new incident (its version must be 1) with the first entries of its timeline, in one step.
     *
     * @throws io.pactum.core.error.ConflictException if an incident with its id exists
     */
    void create(Incident incident, List<TimelineEntry.Draft> entries);

    Optional<Incident> find(String id);

    /** Incidents matching the query, newest first. */
    List<Incident> list(IncidentQuery query);

    /**
     * The active (open or contained) incidents of a detector and subject, latest signal first: where
     * a new detection of theirs may attach.
     */
    List<Incident> findActive(String detector, String subject);

    /**
     * Replaces the incident if its stored version is still {@code expectedVersion}, and appends the
     * entries to its timeline, in one step; returns it as stored, at version {@code expectedVersion + 1}.
     *
     * @throws io.pactum.core.error.ConflictException if the stored version differs (someone changed it meanwhile)
     * @throws io.pactum.core.error.NotFoundException if there is no such incident
     */
    Incident update(Incident incident, long expectedVersion, List<TimelineEntry.Draft> entries);

    /**
     * Appends one entry to the incident's timeline, numbered after the last; returns it numbered.
     *
     * @throws io.pactum.core.error.NotFoundException if there is no such incident
     */
    TimelineEntry appendTimeline(String incidentId, TimelineEntry.Draft entry);

    /** The incident's timeline in order; empty if there is no such incident. */
    List<TimelineEntry> timeline(String incidentId);
}
