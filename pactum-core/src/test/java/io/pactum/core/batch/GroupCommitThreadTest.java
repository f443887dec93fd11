package io.pactum.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class GroupCommitThreadTest {
    @Test
    void whatQueuesWhileABatchIsWritten_goesIntoTheNextBatch() throws Exception {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommitThread<Integer> thread = new GroupCommitThread<>("test", queue, 100, batch -> {
            batches.add(List.copyOf(batch));
            firstBatchStarted.countDown();
            await(release);
        }, item -> { })) {
            queue.add(0);
            firstBatchStarted.await();
            for (int i = 1; i <= 50; i++) {
                queue.add(i); // queued while batch [0] is being "committed"
            }
            release.countDown();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.get(1)).hasSize(50).startsWith(1).endsWith(50);
    }

    @Test
    void batchesAreCappedAtMaxBatch_andCloseWritesWhatIsQueued() {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 25; i++) {
            queue.add(i);
        }
        GroupCommitThread<Integer> thread = new GroupCommitThread<>("test", queue, 10, batch -> {
            sizes.add(batch.size());
            written.addAll(batch);
        }, item -> { });
        thread.close();
        assertThat(written).hasSize(25);
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 10));
        assertThat(thread.isClosed()).isTrue();
    }

    @Test
    void aWriterThatThrows_doesNotStopTheThread() {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommitThread<Integer> thread = new GroupCommitThread<>("test", queue, 1, batch -> {
            if (batch.get(0) == 1) {
                throw new IllegalStateException("boom");
            }
            written.addAll(batch);
        }, item -> { })) {
            queue.add(1);
            queue.add(2);
        }
        assertThat(written).containsExactly(2);
    }

    @Test
    void aFailedCommit_isRethrownToTheWaitingCaller() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        done.completeExceptionally(new IllegalArgumentException("bad append"));
        assertThatThrownBy(() -> Completion.await(done, "a commit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad append");
        assertThat(Completion.await(CompletableFuture.completedFuture(7), "a commit")).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
