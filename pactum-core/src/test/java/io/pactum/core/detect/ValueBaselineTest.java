package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueBaselineTest {

    @Test
    void warmUp_scoresNothing() {
        ValueBaseline baseline = new ValueBaseline(BaselineSettings.DEFAULT);
        for (int i = 0; i < BaselineSettings.DEFAULT.warmUp(); i++) {
            assertThat(baseline.scoreAndLearn(20 + i % 3)).isNaN();
        }
        assertThat(baseline.scoreAndLearn(21)).isLessThan(2);
    }

    @Test
    void constantSignal_smallStepIsNotAnOutlier_butALargeOneIs() {
        ValueBaseline baseline = new ValueBaseline(BaselineSettings.DEFAULT);
        for (int i = 0; i < 100; i++) {
            baseline.scoreAndLearn(3.3);
        }
        // The floor (1 % of the mean) keeps a flat signal from dividing by zero.
        assertThat(baseline.scoreAndLearn(3.31)).isLessThan(1);
        assertThat(baseline.scoreAndLearn(9.9)).isGreaterThan(100);
    }

    @Test
    void quantisedSignal_flatForLong_thenOneStep_isNotAnOutlier_butAFarValueStillIs() {
        ValueBaseline baseline = new ValueBaseline(BaselineSettings.DEFAULT);
        // a battery in whole percent near empty: 6 for a long time, a step down, flat again
        baseline.scoreAndLearn(7);
        for (int i = 0; i < 500; i++) {
            baseline.scoreAndLearn(6);
        }
        // without the resolution floor: 1 / max(sigma ~ 0, 1 % of 6) = about 17, an alarm at 8
        assertThat(baseline.scoreAndLearn(5)).isLessThan(1.5);
        for (int i = 0; i < 500; i++) {
            baseline.scoreAndLearn(5);
        }
        assertThat(baseline.scoreAndLearn(95)).isGreaterThan(50);
    }

    @Test
    void gaussianNoise_scoresAroundOne() {
        ValueBaseline baseline = new ValueBaseline(BaselineSettings.DEFAULT);
        Random random = new Random(7);
        double max = 0;
        for (int i = 0; i < 100_000; i++) {
            double score = baseline.scoreAndLearn(50 + 2 * random.nextGaussian());
            if (!Double.isNaN(score)) {
                max = Math.max(max, score);
            }
        }
        assertThat(max).isBetween(3.0, 8.0);
    }

    @Test
    void nonFiniteValue_isIgnored() {
        ValueBaseline baseline = new ValueBaseline(BaselineSettings.DEFAULT);
        assertThat(baseline.scoreAndLearn(Double.NaN)).isNaN();
    }
}
