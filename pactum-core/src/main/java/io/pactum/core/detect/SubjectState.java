package io.pactum.core.detect;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One subject's measure and alarm state under one behaviour; guarded by its own monitor. */
final class SubjectState {
    final String subject;
    final @Nullable String field;
    private final @Nullable SlidingCounter counter;
    private final @Nullable RecentDistinct distinct;
    private final @Nullable ValueBaseline baseline;
    final AlarmState alarm = new AlarmState();
    long lastRecordedSecond = Long.MIN_VALUE;

    SubjectState(String subject, @Nullable String field, Behaviour behaviour) {
        this.subject = subject;
        this.field = field;
        long windowSeconds = behaviour.window().getSeconds();
        Metric.Kind kind = behaviour.metric().kind();
        this.counter = kind == Metric.Kind.COUNT ? new SlidingCounter(windowSeconds) : null;
        this.distinct = kind == Metric.Kind.DISTINCT ? new RecentDistinct(windowSeconds) : null;
        this.baseline = kind == Metric.Kind.DEVIATION ? new ValueBaseline(behaviour.baseline()) : null;
    }

    SlidingCounter counter() {
        return Objects.requireNonNull(counter, "not a counting metric");
    }

    RecentDistinct distinct() {
        return Objects.requireNonNull(distinct, "not a distinct metric");
    }

    ValueBaseline baseline() {
        return Objects.requireNonNull(baseline, "not a deviation metric");
    }

    /** The windowed value as of {@code epochSecond}, or NaN for a metric that does not decay. */
    double valueAt(long epochSecond) {
        if (counter != null) {
            return counter.valueAt(epochSecond);
        }
        if (distinct != null) {
            return distinct.valueAt(epochSecond);
        }
        return Double.NaN;
    }
}
