package io.pactum.core.incident;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One incident.
 *
 * @param id            the incident's id
 * @param detector      the detector or behaviour that raised it, e.g. {@code auth-failure-burst}
 * @param subject       what the detector alarmed about (a device or client id); with the detector,
 *                      the key under which further detections attach to this incident instead of opening another
 * @param title         a short human-readable summary, without personal data
 * @param severity      how bad it is; raised, never lowered, as further detections attach
 * @param status        where it stands
 * @param detectedAt    when the first detection came
 * @param lastSignalAt  when the latest attached detection came
 * @param containedAt   when it became contained; null unless it was contained since it was last opened
 * @param resolvedAt    when it was resolved; null unless resolved
 * @param deviceIds     affected devices (sorted)
 * @param organisationIds affected organisations (sorted)
 * @param dataSubjectIds  affected data subjects (sorted); personal data, never written to logs or
 *                      audit details other than {@code subjectId}
 * @param signals       summaries of the latest signals, oldest first, at most {@link #MAX_LINKED_SIGNALS}
 * @param signalCount   how many signals were linked in all, also those no longer summarised
 * @param assignee      the API client id of the operator's person handling it, or null
 * @param version       for optimistic concurrency: 1 when created, one more with each update
 */
public record Incident(
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
        List<LinkedSignal> signals,
        long signalCount,
        @Nullable String assignee,
        long version) {

    /** How many signal summaries an incident keeps; older ones are dropped, {@link #signalCount} still counts them. */
    public static final int MAX_LINKED_SIGNALS = 50;
    static final int MAX_ID = 64;
    static final int MAX_DETECTOR = 64;
    static final int MAX_SUBJECT = 256;
    static final int MAX_TITLE = 200;
    static final int MAX_AFFECTED = 1000;

    public Incident {
        requireText(id, "id", MAX_ID);
        requireText(detector, "detector", MAX_DETECTOR);
        requireText(subject, "subject", MAX_SUBJECT);
        requireText(title, "title", MAX_TITLE);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(lastSignalAt, "lastSignalAt");
        deviceIds = ids(deviceIds, "deviceIds");
        organisationIds = ids(organisationIds, "organisationIds");
        dataSubjectIds = ids(dataSubjectIds, "dataSubjectIds");
        signals = List.copyOf(signals);
        if (signals.size() > MAX_LINKED_SIGNALS) {
            throw new InvalidInputException("signals", "an incident keeps at most " + MAX_LINKED_SIGNALS + " signals");
        }
        if (signalCount < signals.size()) {
            throw new InvalidInputException("signalCount", "signalCount is less than the signals kept");
        }
        if (assignee != null) {
            requireText(assignee, "assignee", MAX_ID);
        }
        if (version < 1) {
            throw new InvalidInputException("version", "version must be positive");
        }
        if (status == IncidentStatus.CONTAINED && containedAt == null) {
            throw new InvalidInputException("containedAt", "a contained incident needs containedAt");
        }
        if ((status == IncidentStatus.RESOLVED) != (resolvedAt != null)) {
            throw new InvalidInputException("resolvedAt", "resolvedAt is set exactly when the incident is resolved");
        }
    }

    /** Whether further detections of its detector and subject may still attach to it: open or contained. */
    public boolean isActive() {
        return status != IncidentStatus.RESOLVED;
    }

    /** This incident in another status, changed at {@code at}: timestamps set, or cleared on reopening. */
    public Incident withStatus(IncidentStatus target, Instant at) {
        Instant contained = switch (target) {
            case OPEN -> null;
            case CONTAINED -> at;
            case RESOLVED -> containedAt;
        };
        return new Incident(id, detector, subject, title, severity, target, detectedAt, lastSignalAt, contained,
                target == IncidentStatus.RESOLVED ? at : null, deviceIds, organisationIds, dataSubjectIds, signals,
                signalCount, assignee, version);
    }

    public Incident withAssignee(@Nullable String clientId) {
        return new Incident(id, detector, subject, title, severity, status, detectedAt, lastSignalAt, containedAt,
                resolvedAt, deviceIds, organisationIds, dataSubjectIds, signals, signalCount, clientId, version);
    }

    /** The version a store gives this incident when it stores it. */
    public Incident withVersion(long newVersion) {
        return new Incident(id, detector, subject, title, severity, status, detectedAt, lastSignalAt, containedAt,
                resolvedAt, deviceIds, organisationIds, dataSubjectIds, signals, signalCount, assignee, newVersion);
    }

    /**
     * This incident with a further detection of its detector and subject attached: affected parties
     * merged, signals appended (the oldest dropped beyond the limit), severity raised if higher.
     */
    public Incident attach(Detection detection) {
        List<LinkedSignal> merged = new java.util.ArrayList<>(signals);
        merged.addAll(detection.signals());
        if (merged.size() > MAX_LINKED_SIGNALS) {
            merged = merged.subList(merged.size() - MAX_LINKED_SIGNALS, merged.size());
        }
        Instant last = detection.at().isAfter(lastSignalAt) ? detection.at() : lastSignalAt;
        return new Incident(id, detector, subject, title, severity.max(detection.severity()), status, detectedAt, last,
                containedAt, resolvedAt, union(deviceIds, detection.deviceIds()),
                union(organisationIds, detection.organisationIds()), union(dataSubjectIds, detection.dataSubjectIds()),
                merged, signalCount + detection.signals().size(), assignee, version);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static Set<String> ids(Set<String> ids, String field) {
        Objects.requireNonNull(ids, field);
        if (ids.size() > MAX_AFFECTED) {
            throw new InvalidInputException(field, field + " holds more than " + MAX_AFFECTED + " ids");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String each : ids) {
            requireText(each, field, MAX_ID);
            sorted.add(each);
        }
        return Collections.unmodifiableSortedSet(sorted);
    }

    static String requireText(@Nullable String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, field + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
