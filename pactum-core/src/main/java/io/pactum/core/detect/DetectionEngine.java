package io.pactum.core.detect;

import io.pactum.core.signal.SecuritySignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates behaviours on a stream of observations and tells a listener about alarms.
 *
 * <p>Timing: each observation is evaluated at once, on the caller's thread, against the
 * behaviours of its metrics, so an alarm is raised by the very observation that crosses a
 * threshold: its latency is that of the call, microseconds, which is what lets playbooks act
 * within a second of an attack's start. A periodic {@link #tick(Instant)} (once a second) only
 * clears alarms whose subjects went quiet, and it visits alarmed subjects only.
 *
 * <p>Cost: O(1) amortised per observation and behaviour; a short lock per subject and per map
 * stripe, never I/O, so it may run on event loops. Memory: at most {@code maxSubjectsPerBehaviour}
 * subjects per behaviour, least recently seen evicted; see {@link BoundedSubjectMap}.
 */
public final class DetectionEngine implements Observations {
    public static final int DEFAULT_MAX_SUBJECTS = 100_000;
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final Map<Metric, BehaviourRuntime[]> byMetric = new EnumMap<>(Metric.class);
    private final List<BehaviourRuntime> runtimes;
    private final AlarmListener listener;

    public DetectionEngine(List<Behaviour> behaviours, AlarmListener listener) {
        this(behaviours, listener, DEFAULT_MAX_SUBJECTS);
    }

    public DetectionEngine(List<Behaviour> behaviours, AlarmListener listener, int maxSubjectsPerBehaviour) {
        Objects.requireNonNull(behaviours, "behaviours");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (maxSubjectsPerBehaviour < 1_000) {
            throw new IllegalArgumentException("maxSubjectsPerBehaviour must be at least 1000");
        }
        Set<String> names = new HashSet<>();
        List<BehaviourRuntime> all = new ArrayList<>();
        for (Behaviour behaviour : behaviours) {
            if (!names.add(behaviour.name())) {
                throw new io.pactum.core.error.InvalidInputException("behaviours",
                        "behaviour name " + behaviour.name() + " is used twice; alarms are told apart by name");
            }
            all.add(new BehaviourRuntime(behaviour, maxSubjectsPerBehaviour));
        }
        this.runtimes = List.copyOf(all);
        for (Metric metric : Metric.values()) {
            byMetric.put(metric, runtimes.stream().filter(r -> r.behaviour.metric() == metric)
                    .toArray(BehaviourRuntime[]::new));
        }
    }

    @Override
    public void observe(Observation observation) {
        Objects.requireNonNull(observation, "observation");
        Instant at = observation.at();
        if (observation instanceof Observation.Signal signal) {
            onSignal(signal.signal());
        } else if (observation instanceof Observation.Connected connected) {
            count(Metric.CONNECTS, connected.deviceId(), null, 1, at);
            String host = SourceHost.of(connected.source());
            distinct(connected.deviceId(), host == null ? connected.source() : host, at);
        } else if (observation instanceof Observation.MessageAccepted message) {
            count(Metric.MESSAGES, message.deviceId(), message.productId(), 1, at);
            count(Metric.BYTES, message.deviceId(), message.productId(), message.bytes(), at);
        } else if (observation instanceof Observation.ValueObserved value) {
            for (BehaviourRuntime runtime : byMetric.get(Metric.VALUE_DEVIATION)) {
                if (runtime.behaviour.scope().includes(value.productId())) {
                    emit(runtime.deviation(value.deviceId(), value.field(), value.value(), at));
                }
            }
        } else if (observation instanceof Observation.PartnerRequest request) {
            if (!request.allowed()) {
                count(Metric.PARTNER_DENIALS, request.organisationId(), null, 1, at);
            }
        }
        // Disconnected: no metric. Counting the host a takeover ended would make a device that roams
        // (one takeover from a new address) look like a clone; a clone shows itself by the original
        // taking the session back (see BuiltInBehaviours.SHARED_CREDENTIALS).
    }

    private void onSignal(SecuritySignal signal) {
        Instant at = signal.at();
        String subject = signal.subject();
        switch (signal.type()) {
            case AUTHENTICATION_FAILURE -> {
                String host = SourceHost.of(signal.source());
                count(Metric.AUTH_FAILURES, host == null ? subject : host, null, 1, at);
            }
            case CONNECTION_REFUSED -> count(Metric.CONNECTS, subject, null, 1, at);
            case CLIENT_ID_CONFLICT -> {
                count(Metric.CLIENT_ID_CONFLICTS, subject, null, 1, at);
                String host = SourceHost.of(signal.source());
                if (host != null) {
                    distinct(subject, host, at);
                }
            }
            case FORBIDDEN_PUBLISH, FORBIDDEN_SUBSCRIPTION -> count(Metric.FORBIDDEN_TOPICS, subject, null, 1, at);
            case INTEGRITY_FAILURE -> count(Metric.INTEGRITY_FAILURES, subject, null, 1, at);
            case REPLAY -> count(Metric.REPLAYS, subject, null, 1, at);
            // A refused partner command or API request: the signal's subject is the organisation.
            case COMMAND_REFUSED, ACCESS_DENIED -> count(Metric.PARTNER_DENIALS, subject, null, 1, at);
            default -> {
                // Unprotected, malformed, implausible and oversized messages: no metric yet.
            }
        }
    }

    /**
     * Clears alarms of windowed behaviours whose subjects went quiet. Call once a second (each
     * call is one calm data point at most); cost is proportional to the subjects in alarm.
     */
    public void tick(Instant now) {
        Objects.requireNonNull(now, "now");
        for (BehaviourRuntime runtime : runtimes) {
            for (AlarmEvent event : runtime.tick(now)) {
                emit(event);
            }
        }
    }

    /**
     * Forgets everything about a subject, its alarms included, e.g. a device the operator released
     * from quarantine: if it attacks again, it alarms again from a clean slate. Its learned value
     * profile goes too. Visits all state: for rare operator actions, not the message path.
     */
    public void forget(String subject) {
        Objects.requireNonNull(subject, "subject");
        for (BehaviourRuntime runtime : runtimes) {
            runtime.forget(subject);
        }
    }

    public List<Behaviour> behaviours() {
        return runtimes.stream().map(r -> r.behaviour).toList();
    }

    /** Subjects with state under the named behaviour; at most the configured maximum. */
    public int trackedSubjects(String behaviour) {
        return runtime(behaviour).trackedSubjects();
    }

    /** Subjects currently in alarm under the named behaviour. */
    public int alarmedSubjects(String behaviour) {
        return runtime(behaviour).alarmedSubjects();
    }

    /** Subjects forgotten to keep within the bound, over all behaviours; worth exporting as a metric. */
    public long evictions() {
        return runtimes.stream().mapToLong(BehaviourRuntime::evictions).sum();
    }

    private BehaviourRuntime runtime(String name) {
        return runtimes.stream().filter(r -> r.behaviour.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no behaviour " + name));
    }

    private void count(Metric metric, String subject, @Nullable String product, long amount, Instant at) {
        for (BehaviourRuntime runtime : byMetric.get(metric)) {
            if (runtime.behaviour.scope().includes(product)) {
                emit(runtime.count(subject, amount, at));
            }
        }
    }

    private void distinct(String deviceId, String host, Instant at) {
        for (BehaviourRuntime runtime : byMetric.get(Metric.DISTINCT_SOURCES)) {
            emit(runtime.distinct(deviceId, host, at));
        }
    }

    private void emit(@Nullable AlarmEvent event) {
        if (event == null) {
            return;
        }
        // A failing listener must not break the caller's message path, nor the next alarm.
        try {
            if (event instanceof Alarm alarm) {
                SECURITY.warn("alarm {} subject={} value={} threshold={}", alarm.behaviour(), alarm.subject(),
                        alarm.value(), alarm.threshold());
                listener.raised(alarm);
            } else if (event instanceof AlarmCleared cleared) {
                SECURITY.info("alarm {} cleared subject={}", cleared.behaviour(), cleared.subject());
                listener.cleared(cleared);
            }
        } catch (RuntimeException e) {
            SECURITY.error("alarm listener failed for {} {}", event.behaviour(), event.subject(), e);
        }
    }
}
