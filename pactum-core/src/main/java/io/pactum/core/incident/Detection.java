package io.pactum.core.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a detector found, as an incident takes it: its name, what it is about, how bad, a title, when, whom it affects and
 * the signals behind it. {@link IncidentService#raise} opens an incident from it, or attaches it to
 * the active incident of the same detector and subject.
 */
public record Detection(
        String detector,
        String subject,
        String title,
        Severity severity,
        Instant at,
        Set<String> deviceIds,
        Set<String> organisationIds,
        Set<String> dataSubjectIds,
        List<LinkedSignal> signals) {

    public Detection {
        Incident.requireText(detector, "detector", Incident.MAX_DETECTOR);
        Incident.requireText(subject, "subject", Incident.MAX_SUBJECT);
        Incident.requireText(title, "title", Incident.MAX_TITLE);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        deviceIds = Incident.ids(deviceIds, "deviceIds");
        organisationIds = Incident.ids(organisationIds, "organisationIds");
        dataSubjectIds = Incident.ids(dataSubjectIds, "dataSubjectIds");
        signals = List.copyOf(signals);
    }
}
