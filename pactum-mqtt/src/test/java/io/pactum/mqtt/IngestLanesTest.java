package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IngestLanesTest {

    @Test
    void aBusyLaneKeepsItsOrderButCannotHoldTheOnlyWorkerForGood() throws Exception {
        ExecutorService oneWorker = Executors.newSingleThreadExecutor();
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        IngestLanes lanes = new IngestLanes(oneWorker);
        oneWorker.execute(() -> {
            // Queue both lanes while the worker is busy, as devices do under load.
            for (int i = 0; i < 100; i++) {
                int n = i;
                lanes.submit("busy", () -> ran.add("busy-" + n));
            }
            lanes.submit("quiet", () -> ran.add("quiet"));
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ran.size() < 101 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        oneWorker.shutdown();

        assertThat(ran).hasSize(101);
        assertThat(ran.indexOf("quiet")).isEqualTo(IngestLanes.TASKS_PER_TURN);
        assertThat(ran.stream().filter(s -> s.startsWith("busy")).toList())
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(n -> "busy-" + n).toList());
        assertThat(lanes.isIdle()).isTrue();
    }
}
