package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentDistinctTest {

    @Test
    void countsDistinctValues_withinTheWindow() {
        RecentDistinct distinct = new RecentDistinct(10);
        assertThat(distinct.add(0, "a")).isEqualTo(1);
        assertThat(distinct.add(1, "a")).isEqualTo(1);
        assertThat(distinct.add(2, "b")).isEqualTo(2);
        assertThat(distinct.valueAt(11)).isEqualTo(1); // "a" last seen at 1, out of window
        assertThat(distinct.valueAt(12)).isZero();
    }

    @Test
    void manyValues_saturateAtCapacity() {
        RecentDistinct distinct = new RecentDistinct(60);
        int count = 0;
        for (int i = 0; i < 10_000; i++) {
            count = distinct.add(5, "host-" + i);
        }
        assertThat(count).isEqualTo(RecentDistinct.CAPACITY);
    }
}
