package io.pactum.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeviceCounterTest {

    @Test
    void startsAtOneAndIncreases() {
        DeviceCounter counter = new DeviceCounter();

        assertThat(counter.next()).isEqualTo(1);
        assertThat(counter.next()).isEqualTo(2);
        assertThat(counter.peek()).isEqualTo(3);
    }

    @Test
    void resumesFromAStoredValue_andRefusesZero() {
        assertThat(new DeviceCounter(1_000).next()).isEqualTo(1_000);
        assertThatThrownBy(() -> new DeviceCounter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverRepeatsAcrossThreads() {
        DeviceCounter counter = new DeviceCounter();
        Set<Long> seen = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 20_000).parallel().forEach(i -> assertThat(seen.add(counter.next())).isTrue());

        assertThat(seen).hasSize(20_000);
        assertThat(counter.peek()).isEqualTo(20_001);
    }

    @Test
    void handsOutTheLargestCounterOnceThenStops() {
        DeviceCounter counter = new DeviceCounter(Long.MAX_VALUE - 1);

        assertThat(counter.next()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(counter.next()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(counter::next).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(counter::next).isInstanceOf(IllegalStateException.class);
    }
}
