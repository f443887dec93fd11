package io.pactum.core.incident;

import io.pactum.core.detect.Alarm;
import io.pactum.core.detect.AlarmCleared;
import io.pactum.core.detect.AlarmListener;
import io.pactum.core.detect.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the detection engine's alarms into incidents and contains them. Alarms are raised on the
 * thread that made the observation, often an event loop, so the incident (a database write and a
 * ledger entry) is opened and its playbook run on {@code worker}, never there.
 */
public final class IncidentOpener implements AlarmListener {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final IncidentService incidents;
    private final IncidentResponse response;
    private final ExecutorService worker;

    /** Opens incidents and leaves them to the operator: no automatic response. */
    public IncidentOpener(IncidentService incidents, ExecutorService worker) {
        this(incidents, new IncidentResponse(incidents, List.of(), Playbooks.none()), worker);
    }

    public IncidentOpener(IncidentService incidents, IncidentResponse response, ExecutorService worker) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.response = Objects.requireNonNull(response, "response");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    @Override
    public void raised(Alarm alarm) {
        try {
            worker.execute(() -> open(alarm));
        } catch (RejectedExecutionException e) {
            SECURITY.error("alarm {} on {} not turned into an incident: the hub is stopping", alarm.behaviour(),
                    alarm.subject());
        }
    }

    @Override
    public void cleared(AlarmCleared cleared) {
        // an incident stays open until contained or resolved: the end of a burst is not its resolution
    }

    private void open(Alarm alarm) {
        try {
            response.respond(incidents.raise(detection(alarm)).incident());
        } catch (RuntimeException e) {
            SECURITY.error("alarm {} on {} could not open an incident: {}", alarm.behaviour(), alarm.subject(),
                    e.toString());
        }
    }

    static Detection detection(Alarm alarm) {
        Metric.Subject kind = alarm.metric().subject();
        // a client id longer than any id the registry issues names no device: it stays the subject only
        boolean anId = alarm.subject().length() <= Incident.MAX_ID;
        Set<String> devices = anId && kind == Metric.Subject.DEVICE ? Set.of(alarm.subject()) : Set.of();
        Set<String> organisations = anId && kind == Metric.Subject.ORGANISATION ? Set.of(alarm.subject()) : Set.of();
        String title = alarm.behaviour() + " on " + alarm.subject() + ": " + alarm.metric().name().toLowerCase(Locale.ROOT)
                + " " + format(alarm.value()) + " above " + format(alarm.threshold());
        if (title.length() > Incident.MAX_TITLE) {
            title = title.substring(0, Incident.MAX_TITLE); // the subject comes from an attacker: keep it short
        }
        return new Detection(alarm.behaviour(), alarm.subject(), title, severity(alarm.metric()), alarm.raisedAt(),
                devices, organisations, Set.of(), List.of());
    }

    /** How bad an attack of this kind is by default: forged or stolen credentials and data leaving rank highest. */
    static Severity severity(Metric metric) {
        return switch (metric) {
            case DISTINCT_SOURCES, CLIENT_ID_CONFLICTS, PARTNER_DENIALS, INTEGRITY_FAILURES -> Severity.HIGH;
            case AUTH_FAILURES, REPLAYS, FORBIDDEN_TOPICS -> Severity.MEDIUM;
            case CONNECTS, MESSAGES, BYTES, VALUE_DEVIATION -> Severity.LOW;
        };
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
