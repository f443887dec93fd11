package io.pactum.server.simulate;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentQuery;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.security.Principal;
import io.pactum.server.Hub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches an in-process hub's incidents, as its operator: waits for an attack's incident to be
 * contained, so that time-to-containment can be measured from the attack's start.
 */
public final class ContainmentWatch {
    /** Often enough that polling adds at most a few milliseconds to a measured containment. */
    private static final long POLL_MILLIS = 5;

    private final Hub hub;
    private final Principal operator;

    public ContainmentWatch(Hub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.operator = hub.registry().bootstrap().localOperator();
    }

    public Principal operator() {
        return operator;
    }

    /**
     * The incident of {@code detector} about {@code subject} once it is contained, with a containment
     * at or after {@code notBefore} (so that a re-containment after a release is told from the first);
     * empty if that did not happen within {@code timeout}.
     */
    public Optional<Incident> awaitContained(String detector, String subject, Instant notBefore, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Incident> contained = incidents().stream()
                    .filter(i -> i.detector().equals(detector) && i.subject().equals(subject))
                    .filter(i -> i.status() == IncidentStatus.CONTAINED && i.containedAt() != null
                            && !i.containedAt().isBefore(notBefore))
                    .findFirst();
            if (contained.isPresent() || System.nanoTime() >= deadline) {
                return contained;
            }
            DeviceLink.pause(POLL_MILLIS);
        }
    }

    /** The newest incidents, at most {@link IncidentQuery#MAX_LIMIT}. */
    public List<Incident> incidents() {
        return hub.incidents().list(operator, IncidentQuery.first(IncidentQuery.MAX_LIMIT));
    }

    public List<TimelineEntry> timeline(String incidentId) {
        return hub.incidents().timeline(operator, incidentId);
    }

    /** Seconds from {@code start} to the incident's containment. */
    public static double secondsToContainment(Instant start, Incident contained) {
        Instant at = Objects.requireNonNull(contained.containedAt(), "the incident is not contained");
        return Duration.between(start, at).toNanos() / 1e9;
    }
}
