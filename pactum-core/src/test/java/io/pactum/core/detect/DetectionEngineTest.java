package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DetectionEngineTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final RecordingAlarms alarms = new RecordingAlarms();

    private static Behaviour replays(int threshold, int toAlarm, int toClear) {
        return new Behaviour("replays", Metric.REPLAYS, Operator.GREATER_THAN, Threshold.fixed(threshold),
                Duration.ofSeconds(10), toAlarm, toClear);
    }

    private static Observation replay(String device, Instant at) {
        return new Observation.Signal(new SecuritySignal(SignalType.REPLAY, at, device, "mqtt 10.0.0.1:1000",
                "counter already used"));
    }

    private static Observation message(String device, String product, Instant at) {
        return new Observation.MessageAccepted(device, product, 100, at);
    }

    @Test
    void consecutiveToAlarm_needsThatManyBreachingDataPoints() {
        DetectionEngine engine = new DetectionEngine(List.of(replays(2, 3, 1)), alarms);
        for (int i = 1; i <= 4; i++) {
            engine.observe(replay("d-1", T0.plusMillis(i)));
        }
        assertThat(alarms.raised).isEmpty(); // counts 3 and 4 breach: two data points of three
        engine.observe(replay("d-1", T0.plusMillis(5)));
        assertThat(alarms.raised).singleElement().satisfies(alarm -> {
            assertThat(alarm.subject()).isEqualTo("d-1");
            assertThat(alarm.value()).isEqualTo(5);
            assertThat(alarm.threshold()).isEqualTo(2);
            assertThat(alarm.firstBreachAt()).isEqualTo(T0.plusMillis(3));
            assertThat(alarm.raisedAt()).isEqualTo(T0.plusMillis(5));
        });
    }

    @Test
    void subjectInAlarm_raisesOnce_untilItClears_thenMayRaiseAgain() {
        DetectionEngine engine = new DetectionEngine(List.of(replays(2, 1, 3)), alarms);
        for (int i = 0; i < 500; i++) {
            engine.observe(replay("d-1", T0.plusMillis(i)));
        }
        engine.observe(replay("d-2", T0));
        assertThat(alarms.raised).hasSize(1);
        assertThat(engine.alarmedSubjects("replays")).isEqualTo(1);

        for (int s = 1; s <= 12; s++) {
            engine.tick(T0.plusSeconds(s)); // the 10 s window empties at second 10, then 3 calm seconds
        }
        assertThat(alarms.cleared).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("d-1");
            assertThat(c.clearedAt()).isEqualTo(T0.plusSeconds(12));
        });
        assertThat(engine.alarmedSubjects("replays")).isZero();

        Instant later = T0.plusSeconds(60);
        for (int i = 0; i < 3; i++) {
            engine.observe(replay("d-1", later));
        }
        assertThat(alarms.raised).hasSize(2);
    }

    @Test
    void calmDataPointsWithinOneSecond_countOnce() {
        DetectionEngine engine = new DetectionEngine(List.of(new Behaviour("values", Metric.VALUE_DEVIATION,
                Operator.GREATER_THAN, Threshold.fixed(8), Duration.ofSeconds(1), 1, 3)), alarms);
        for (int i = 0; i < 50; i++) {
            engine.observe(new Observation.ValueObserved("d-1", "p", "t", 20 + (i % 5) * 0.1, T0.plusSeconds(i)));
        }
        engine.observe(new Observation.ValueObserved("d-1", "p", "t", 500, T0.plusSeconds(50)));
        assertThat(alarms.raised).singleElement().satisfies(a -> assertThat(a.field()).isEqualTo("t"));

        for (int i = 0; i < 20; i++) { // twenty calm values in one second: one calm data point
            engine.observe(new Observation.ValueObserved("d-1", "p", "t", 20.2, T0.plusSeconds(51).plusMillis(i)));
        }
        assertThat(alarms.cleared).isEmpty();
        engine.observe(new Observation.ValueObserved("d-1", "p", "t", 20.2, T0.plusSeconds(52)));
        engine.observe(new Observation.ValueObserved("d-1", "p", "t", 20.2, T0.plusSeconds(53)));
        assertThat(alarms.cleared).hasSize(1);
    }

    @Test
    void productScope_ignoresOtherProducts() {
        Behaviour meterFlood = new Behaviour("meter-flood", Metric.MESSAGES, Operator.GREATER_THAN,
                Threshold.fixed(5), Duration.ofSeconds(10), 1, 1).withScope(Scope.product("meter"));
        DetectionEngine engine = new DetectionEngine(List.of(meterFlood), alarms);
        for (int i = 0; i < 20; i++) {
            engine.observe(message("cam-1", "camera", T0.plusMillis(i)));
        }
        assertThat(alarms.raised).isEmpty();
        for (int i = 0; i < 20; i++) {
            engine.observe(message("meter-1", "meter", T0.plusMillis(i)));
        }
        assertThat(alarms.raised).extracting(Alarm::subject).containsExactly("meter-1");
    }

    @Test
    void fleetPercentile_learnsFromOneEpoch_thenFlagsTheOutlier() {
        Behaviour outlier = new Behaviour("rate-outlier", Metric.MESSAGES, Operator.GREATER_THAN,
                Threshold.fleetPercentile(99, 5), Duration.ofSeconds(10), 1, 10);
        DetectionEngine engine = new DetectionEngine(List.of(outlier), alarms);
        long epoch = FleetHistogram.EPOCH_SECONDS;
        for (long s = 0; s < 2 * epoch; s++) {
            for (int d = 0; d < 200; d++) {
                engine.observe(message("d-" + d, "meter", T0.plusSeconds(s)));
            }
            if (s < epoch) { // a noisy device during the learning epoch: no threshold yet, so no alarm
                for (int i = 0; i < 50; i++) {
                    engine.observe(message("noisy", "meter", T0.plusSeconds(s)));
                }
            }
        }
        assertThat(alarms.raised).isEmpty();
        Instant now = T0.plusSeconds(2 * epoch);
        for (int i = 0; i < 30; i++) {
            engine.observe(message("flooder", "meter", now));
        }
        assertThat(alarms.raised).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("flooder");
            assertThat(a.threshold()).isBetween(10.0, 16.0); // every device counts 10 in its 10 s window
        });
    }

    @Test
    void failingListener_doesNotBreakTheEngineOrLaterAlarms() {
        List<Alarm> delivered = new ArrayList<>();
        AlarmListener flaky = new AlarmListener() {
            @Override
            public void raised(Alarm alarm) {
                delivered.add(alarm);
                if (delivered.size() == 1) {
                    throw new IllegalStateException("playbook store down");
                }
            }

            @Override
            public void cleared(AlarmCleared cleared) {}
        };
        DetectionEngine engine = new DetectionEngine(List.of(replays(0, 1, 1)), flaky);
        engine.observe(replay("d-1", T0));
        engine.observe(replay("d-2", T0));
        assertThat(delivered).extracting(Alarm::subject).containsExactly("d-1", "d-2");
    }

    @Test
    void millionsOfSubjects_stayWithinTheBound() {
        DetectionEngine engine = new DetectionEngine(List.of(BuiltInBehaviours.CREDENTIAL_STUFFING), alarms, 100_000);
        for (int i = 0; i < 1_000_000; i++) {
            String source = "mqtt 10." + (i >>> 16) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff) + ":5000";
            engine.observe(new Observation.Signal(new SecuritySignal(SignalType.AUTHENTICATION_FAILURE,
                    T0.plusMillis(i), "guess-" + i, source, "bad credentials")));
        }
        int tracked = engine.trackedSubjects("credential-stuffing");
        assertThat(tracked).isLessThanOrEqualTo(100_000).isGreaterThan(90_000);
        assertThat(engine.evictions()).isEqualTo(1_000_000L - tracked);
        assertThat(alarms.raised).isEmpty(); // one failure per host: no stuffing
    }

    @Test
    void severalThreads_feedingTogether_raiseEachAlarmOnce() throws Exception {
        DetectionEngine engine = new DetectionEngine(BuiltInBehaviours.all(), alarms);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        Instant at = T0.plusMillis(i);
                        // benign devices shared by all threads: 8 messages per 20 ms each, far below the ceiling
                        engine.observe(message("d-" + (i % 1000), "meter", at.plusSeconds(20L * i / 1000)));
                        engine.observe(new Observation.ValueObserved("d-" + (i % 1000), "meter", "t",
                                20 + thread * 0.01, at));
                        if (i < 100) { // one device flooded by every thread at once
                            engine.observe(message("victim", "meter", T0));
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alarms.raised).singleElement().satisfies(a -> {
            assertThat(a.behaviour()).isEqualTo("message-flood");
            assertThat(a.subject()).isEqualTo("victim");
        });
    }
}
