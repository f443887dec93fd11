package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subject released by the operator is forgotten: if it attacks again, it alarms again. */
class DetectionEngineForgetTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final RecordingAlarms alarms = new RecordingAlarms();

    /** Windowed: more than 2 replays in 10 s alarms at once, and clears after 3 calm data points. */
    private static Behaviour replays() {
        return new Behaviour("replays", Metric.REPLAYS, Operator.GREATER_THAN, Threshold.fixed(2),
                Duration.ofSeconds(10), 1, 3);
    }

    private static Behaviour flood() {
        return new Behaviour("flood", Metric.MESSAGES, Operator.GREATER_THAN, Threshold.fixed(5),
                Duration.ofSeconds(10), 1, 3);
    }

    private static Behaviour values() {
        return new Behaviour("values", Metric.VALUE_DEVIATION, Operator.GREATER_THAN, Threshold.fixed(8),
                Duration.ofSeconds(1), 1, 3);
    }

    private static Observation replay(String device, Instant at) {
        return new Observation.Signal(new SecuritySignal(SignalType.REPLAY, at, device, "mqtt 10.0.0.1:1000",
                "counter already used"));
    }

    private static void replays(DetectionEngine engine, String device, Instant at, int count) {
        for (int i = 0; i < count; i++) {
            engine.observe(replay(device, at.plusMillis(i)));
        }
    }

    /** Enough calm values of the field to finish warming up its baseline. */
    private static void learn(DetectionEngine engine, String device, String field, Instant from) {
        for (int i = 0; i < 50; i++) {
            engine.observe(new Observation.ValueObserved(device, "meter", field, 20 + (i % 5) * 0.1,
                    from.plusSeconds(i)));
        }
    }

    private static Observation value(String device, String field, double value, Instant at) {
        return new Observation.ValueObserved(device, "meter", field, value, at);
    }

    @Test
    void withoutForget_aSubjectInAlarm_staysLatched_andBreachingAgainRaisesNothingNew() {
        DetectionEngine engine = new DetectionEngine(List.of(replays()), alarms);
        replays(engine, "d-1", T0, 5);
        assertThat(alarms.raised).hasSize(1);

        replays(engine, "d-1", T0.plusSeconds(2), 5);

        assertThat(alarms.raised).hasSize(1);
        assertThat(engine.alarmedSubjects("replays")).isEqualTo(1);
    }

    @Test
    void forget_ofASubjectInAlarm_letsItsNextBreachRaiseANewAlarm() {
        DetectionEngine engine = new DetectionEngine(List.of(replays()), alarms);
        replays(engine, "d-1", T0, 5);
        assertThat(alarms.raised).hasSize(1);

        engine.forget("d-1");

        assertThat(engine.alarmedSubjects("replays")).isZero();
        assertThat(engine.trackedSubjects("replays")).isZero();
        assertThat(alarms.cleared).as("forgotten, not cleared").isEmpty();

        Instant again = T0.plusSeconds(2); // still within the first window: the old count is gone too
        engine.observe(replay("d-1", again));
        engine.observe(replay("d-1", again.plusMillis(1)));
        assertThat(alarms.raised).as("two replays are not more than two").hasSize(1);
        engine.observe(replay("d-1", again.plusMillis(2)));

        assertThat(alarms.raised).hasSize(2);
        assertThat(alarms.raised.get(1)).satisfies(alarm -> {
            assertThat(alarm.subject()).isEqualTo("d-1");
            assertThat(alarm.value()).isEqualTo(3);
            assertThat(alarm.raisedAt()).isEqualTo(again.plusMillis(2));
        });
        assertThat(engine.alarmedSubjects("replays")).isEqualTo(1);
    }

    @Test
    void forget_afterwardsTheTick_hasNothingToClearForTheForgottenSubject() {
        DetectionEngine engine = new DetectionEngine(List.of(replays()), alarms);
        replays(engine, "d-1", T0, 5);
        engine.forget("d-1");

        for (int s = 1; s <= 20; s++) {
            engine.tick(T0.plusSeconds(s));
        }

        assertThat(alarms.cleared).isEmpty();
        assertThat(engine.alarmedSubjects("replays")).isZero();
    }

    @Test
    void forget_leavesOtherSubjectsUntouched() {
        DetectionEngine engine = new DetectionEngine(List.of(replays()), alarms);
        replays(engine, "d-1", T0, 5);
        replays(engine, "d-2", T0, 5);
        replays(engine, "d-10", T0, 1);
        assertThat(engine.alarmedSubjects("replays")).isEqualTo(2);
        assertThat(engine.trackedSubjects("replays")).isEqualTo(3);

        engine.forget("d-1");

        assertThat(engine.alarmedSubjects("replays")).isEqualTo(1);
        assertThat(engine.trackedSubjects("replays")).isEqualTo(2);
        replays(engine, "d-2", T0.plusSeconds(1), 5);
        assertThat(alarms.raised).as("d-2 is still in alarm: nothing new").hasSize(2);
        replays(engine, "d-10", T0.plusSeconds(1), 2);
        assertThat(alarms.raised).as("d-10 kept its count: its third replay breaches")
                .extracting(Alarm::subject).containsExactly("d-1", "d-2", "d-10");
    }

    @Test
    void forget_actsOnEveryBehaviour() {
        DetectionEngine engine = new DetectionEngine(List.of(replays(), flood()), alarms);
        replays(engine, "d-1", T0, 5);
        for (int i = 0; i < 10; i++) {
            engine.observe(new Observation.MessageAccepted("d-1", "meter", 100, T0.plusMillis(i)));
        }
        assertThat(alarms.raised).extracting(Alarm::behaviour).containsExactlyInAnyOrder("replays", "flood");

        engine.forget("d-1");

        assertThat(engine.trackedSubjects("replays")).isZero();
        assertThat(engine.trackedSubjects("flood")).isZero();
        assertThat(engine.alarmedSubjects("flood")).isZero();
        for (int i = 0; i < 10; i++) {
            engine.observe(new Observation.MessageAccepted("d-1", "meter", 100, T0.plusSeconds(1).plusMillis(i)));
        }
        assertThat(alarms.raisedBy("flood")).hasSize(2);
    }

    @Test
    void forget_dropsTheSubjectsValueBaselines_ofEveryField_andOnlyItsOwn() {
        DetectionEngine engine = new DetectionEngine(List.of(values()), alarms);
        learn(engine, "d-1", "t", T0);
        learn(engine, "d-1", "h", T0);
        learn(engine, "d-2", "t", T0);
        learn(engine, "d-10", "t", T0);
        assertThat(engine.trackedSubjects("values")).isEqualTo(4);

        engine.forget("d-1");

        assertThat(engine.trackedSubjects("values")).isEqualTo(2);
        Instant later = T0.plusSeconds(100);
        engine.observe(value("d-1", "t", 500, later));
        assertThat(alarms.raised).as("d-1 learns its profile again: no score while warming up").isEmpty();
        engine.observe(value("d-2", "t", 500, later));
        engine.observe(value("d-10", "t", 500, later));
        assertThat(alarms.raised).extracting(Alarm::subject).containsExactlyInAnyOrder("d-2", "d-10");
    }

    @Test
    void forget_ofADeviationAlarm_letsTheSubjectAlarmAgainOnceItHasLearnedAgain() {
        DetectionEngine engine = new DetectionEngine(List.of(values()), alarms);
        learn(engine, "d-1", "t", T0);
        engine.observe(value("d-1", "t", 500, T0.plusSeconds(50)));
        engine.observe(value("d-1", "t", 900, T0.plusSeconds(51)));
        assertThat(alarms.raised).hasSize(1);
        assertThat(engine.alarmedSubjects("values")).isEqualTo(1);

        engine.forget("d-1");

        assertThat(engine.alarmedSubjects("values")).isZero();
        learn(engine, "d-1", "t", T0.plusSeconds(100));
        engine.observe(value("d-1", "t", 500, T0.plusSeconds(150)));
        assertThat(alarms.raised).hasSize(2);
        assertThat(alarms.raised.get(1).field()).isEqualTo("t");
    }

    @Test
    void forget_ofAnUnknownSubject_changesNothing_andNullIsRefused() {
        DetectionEngine engine = new DetectionEngine(List.of(replays()), alarms);
        replays(engine, "d-1", T0, 5);

        engine.forget("nobody");

        assertThat(engine.alarmedSubjects("replays")).isEqualTo(1);
        assertThat(engine.trackedSubjects("replays")).isEqualTo(1);
        assertThatThrownBy(() -> engine.forget(null)).isInstanceOf(NullPointerException.class);
    }
}
