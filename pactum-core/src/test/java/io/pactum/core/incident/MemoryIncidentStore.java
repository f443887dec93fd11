package io.pactum.core.incident;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An incident store in memory, for the service's tests; synchronised as a whole. */
final class MemoryIncidentStore implements IncidentStore {
    private final Map<String, Incident> incidents = new HashMap<>();
    private final Map<String, List<TimelineEntry>> timelines = new HashMap<>();

    @Override
    public synchronized void create(Incident incident, List<TimelineEntry.Draft> entries) {
        if (incident.version() != 1) {
            throw new IllegalArgumentException("a new incident has version 1");
        }
        if (incidents.putIfAbsent(incident.id(), incident) != null) {
            throw new ConflictException("id", "incident '" + incident.id() + "' exists");
        }
        timelines.put(incident.id(), new ArrayList<>());
        entries.forEach(e -> append(incident.id(), e));
    }

    @Override
    public synchronized Optional<Incident> find(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    @Override
    public synchronized List<Incident> list(IncidentQuery query) {
        return incidents.values().stream()
                .filter(i -> query.status() == null || i.status() == query.status())
                .filter(i -> query.severity() == null || i.severity() == query.severity())
                .filter(i -> query.since() == null || !i.detectedAt().isBefore(query.since()))
                .sorted(Comparator.comparing(Incident::detectedAt).thenComparing(Incident::id).reversed())
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized List<Incident> findActive(String detector, String subject) {
        return incidents.values().stream()
                .filter(i -> i.isActive() && i.detector().equals(detector) && i.subject().equals(subject))
                .sorted(Comparator.comparing(Incident::lastSignalAt).reversed())
                .toList();
    }

    @Override
    public synchronized Incident update(Incident incident, long expectedVersion, List<TimelineEntry.Draft> entries) {
        Incident stored = incidents.get(incident.id());
        if (stored == null) {
            throw NotFoundException.of("incident", incident.id());
        }
        if (stored.version() != expectedVersion) {
            throw new ConflictException("version", "stale version");
        }
        Incident updated = incident.withVersion(expectedVersion + 1);
        incidents.put(updated.id(), updated);
        entries.forEach(e -> append(updated.id(), e));
        return updated;
    }

    @Override
    public synchronized TimelineEntry appendTimeline(String incidentId, TimelineEntry.Draft entry) {
        if (!incidents.containsKey(incidentId)) {
            throw NotFoundException.of("incident", incidentId);
        }
        return append(incidentId, entry);
    }

    private TimelineEntry append(String incidentId, TimelineEntry.Draft draft) {
        List<TimelineEntry> timeline = timelines.get(incidentId);
        TimelineEntry entry = draft.numbered(incidentId, timeline.size() + 1);
        timeline.add(entry);
        return entry;
    }

    @Override
    public synchronized List<TimelineEntry> timeline(String incidentId) {
        return List.copyOf(timelines.getOrDefault(incidentId, List.of()));
    }
}
