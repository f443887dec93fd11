package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingCounterTest {

    @Test
    void sum_coversTheLastWindowSeconds_andSlidesBySecond() {
        SlidingCounter counter = new SlidingCounter(10);
        for (long second = 0; second < 10; second++) {
            counter.add(second, 1);
        }
        assertThat(counter.valueAt(9)).isEqualTo(10);
        assertThat(counter.add(10, 1)).isEqualTo(10); // second 0 slid out, second 10 came in
        assertThat(counter.valueAt(14)).isEqualTo(6);
    }

    @Test
    void longSilence_emptiesTheWindow() {
        SlidingCounter counter = new SlidingCounter(10);
        counter.add(100, 7);
        assertThat(counter.valueAt(1_000_000)).isZero();
        assertThat(counter.add(1_000_000, 2)).isEqualTo(2);
    }

    @Test
    void observationOlderThanTheWindow_isNotCounted() {
        SlidingCounter counter = new SlidingCounter(10);
        counter.add(100, 1);
        assertThat(counter.add(80, 1)).isEqualTo(1);
        assertThat(counter.add(95, 1)).isEqualTo(2); // late, but still within the window
    }

    @Test
    void longWindow_usesCoarserBuckets() {
        SlidingCounter counter = new SlidingCounter(300); // 60 buckets of 5 s
        counter.add(0, 1);
        assertThat(counter.valueAt(299)).isEqualTo(1);
        assertThat(counter.valueAt(300)).isZero();
    }
}
