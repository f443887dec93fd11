package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourTest {

    private static Behaviour with(String name, Metric metric, Threshold threshold, Duration window, int toAlarm,
            int toClear) {
        return new Behaviour(name, metric, Operator.GREATER_THAN, threshold, window, toAlarm, toClear);
    }

    @Test
    void invalidName_saysWhatANameIs() {
        assertThatThrownBy(() -> with("Credential Stuffing", Metric.AUTH_FAILURES, Threshold.fixed(1),
                Duration.ofSeconds(10), 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lower-case");
    }

    @Test
    void window_mustBeWholeSecondsUpToAnHour() {
        assertThatThrownBy(() -> with("w", Metric.MESSAGES, Threshold.fixed(1), Duration.ofMillis(1500), 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> with("w", Metric.MESSAGES, Threshold.fixed(1), Duration.ofHours(2), 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 h");
    }

    @Test
    void consecutiveDataPoints_mustBePositive() {
        assertThatThrownBy(() -> with("c", Metric.MESSAGES, Threshold.fixed(1), Duration.ofSeconds(1), 0, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("to alarm");
        assertThatThrownBy(() -> with("c", Metric.MESSAGES, Threshold.fixed(1), Duration.ofSeconds(1), 1, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("to clear");
    }

    @Test
    void productScope_onAMetricWithoutProduct_isRefused() {
        Behaviour behaviour = with("s", Metric.AUTH_FAILURES, Threshold.fixed(1), Duration.ofSeconds(1), 1, 1);
        assertThatThrownBy(() -> behaviour.withScope(Scope.product("meter")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("without a product id");
        assertThat(behaviour.withName("t").withThreshold(Threshold.fixed(2)).threshold()).isEqualTo(Threshold.fixed(2));
    }

    @Test
    void thresholds_areValidated() {
        assertThatThrownBy(() -> Threshold.fixed(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Threshold.fleetPercentile(100, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[50, 100)");
        assertThatThrownBy(() -> with("d", Metric.DISTINCT_SOURCES, Threshold.fixed(40), Duration.ofSeconds(10), 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("saturate");
        assertThatThrownBy(() -> new BaselineSettings(1.5, 30, 1, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("alpha");
    }

    @Test
    void engine_refusesTwoBehavioursOfOneName() {
        Behaviour behaviour = BuiltInBehaviours.REPLAY;
        assertThatThrownBy(() -> new DetectionEngine(List.of(behaviour, behaviour), new RecordingAlarms()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("used twice");
    }

    @Test
    void builtIns_areNineWithDistinctNames() {
        assertThat(BuiltInBehaviours.all()).hasSize(9)
                .extracting(Behaviour::name).doesNotHaveDuplicates();
    }
}
