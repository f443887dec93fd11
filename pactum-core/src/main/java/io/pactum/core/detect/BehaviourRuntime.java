package io.pactum.core.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** One behaviour at run time: its bounded per-subject state, its fleet histogram, its alarmed subjects. */
final class BehaviourRuntime {
    final Behaviour behaviour;
    private final BoundedSubjectMap<SubjectState> subjects;
    /** Subjects in alarm, so the tick visits only them; never larger than the subject map. */
    private final Set<SubjectState> alarmed = ConcurrentHashMap.newKeySet();
    private final @Nullable FleetHistogram fleet;
    private final LongAdder evictions = new LongAdder();

    BehaviourRuntime(Behaviour behaviour, int maxSubjects) {
        this.behaviour = behaviour;
        this.subjects = new BoundedSubjectMap<>(maxSubjects, evicted -> {
            alarmed.remove(evicted);
            evictions.increment();
        });
        this.fleet = behaviour.threshold() instanceof Threshold.FleetPercentile p
                ? new FleetHistogram(p.percentile()) : null;
    }

    @Nullable AlarmEvent count(String subject, long amount, Instant at) {
        SubjectState state = subjects.get(subject, key -> new SubjectState(key, null, behaviour));
        synchronized (state) {
            long second = at.getEpochSecond();
            return evaluate(state, state.counter().add(second, amount), at, second, true);
        }
    }

    @Nullable AlarmEvent distinct(String subject, String value, Instant at) {
        SubjectState state = subjects.get(subject, key -> new SubjectState(key, null, behaviour));
        synchronized (state) {
            long second = at.getEpochSecond();
            return evaluate(state, state.distinct().add(second, value), at, second, true);
        }
    }

    @Nullable AlarmEvent deviation(String subject, String field, double value, Instant at) {
        // NUL cannot occur in a device id, so the key is unambiguous.
        SubjectState state = subjects.get(subject + '\u0000' + field, key -> new SubjectState(subject, field, behaviour));
        synchronized (state) {
            double score = state.baseline().scoreAndLearn(value);
            if (Double.isNaN(score)) {
                return null; // still warming up
            }
            return evaluate(state, score, at, at.getEpochSecond(), true);
        }
    }

    /** Drops all state of the subject (its per-field baselines too), alarm included. */
    void forget(String subject) {
        String fieldPrefix = subject + '\u0000';
        subjects.removeKeys(key -> key.equals(subject) || key.startsWith(fieldPrefix)).forEach(alarmed::remove);
    }

    /** Re-evaluates alarmed windowed subjects at {@code now}, so that a stopped attack clears. */
    List<AlarmEvent> tick(Instant now) {
        if (alarmed.isEmpty() || behaviour.metric().kind() == Metric.Kind.DEVIATION) {
            return List.of(); // a baseline does not decay with time: only new values clear it
        }
        List<AlarmEvent> events = new ArrayList<>();
        long second = now.getEpochSecond();
        for (SubjectState state : alarmed) {
            synchronized (state) {
                AlarmEvent event = evaluate(state, state.valueAt(second), now, second, false);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    private @Nullable AlarmEvent evaluate(SubjectState state, double value, Instant at, long second,
            boolean observed) {
        if (fleet != null && observed && second != state.lastRecordedSecond) {
            state.lastRecordedSecond = second; // one sample per subject per second: every subject weighs alike
            fleet.record(second, value);
        }
        double threshold = threshold(second);
        boolean breach = behaviour.operator().breaches(value, threshold);
        switch (state.alarm.evaluate(breach, at, behaviour.consecutiveToAlarm(), behaviour.consecutiveToClear())) {
            case RAISED:
                alarmed.add(state);
                return new Alarm(behaviour.name(), behaviour.metric(), state.subject, state.field, value, threshold,
                        state.alarm.firstBreachAt(at), at);
            case CLEARED:
                alarmed.remove(state);
                return new AlarmCleared(behaviour.name(), behaviour.metric(), state.subject, state.field, value, at);
            default:
                return null;
        }
    }

    private double threshold(long second) {
        if (behaviour.threshold() instanceof Threshold.Fixed fixed) {
            return fixed.value();
        }
        Threshold.FleetPercentile percentile = (Threshold.FleetPercentile) behaviour.threshold();
        double learned = fleet == null ? Double.NaN : fleet.percentile(second);
        // No complete epoch yet: nothing to compare with, so no alarm rather than a guess.
        return Double.isNaN(learned) ? Double.POSITIVE_INFINITY : Math.max(learned, percentile.minimum());
    }

    int trackedSubjects() {
        return subjects.size();
    }

    int alarmedSubjects() {
        return alarmed.size();
    }

    long evictions() {
        return evictions.sum();
    }
}
