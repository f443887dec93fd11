package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.ConflictException;
import io.pactum.core.ledger.LedgerStore;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.SubtreeHash;
import io.pactum.core.ledger.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every ledger store must show; a back end runs it by extending this class. Entries
 * must come back byte for byte, and of two appends at the same index exactly one may succeed.
 */
abstract class LedgerStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    /** A fresh, empty ledger store of one back end. */
    protected abstract LedgerStore newStore();

    /** Another store over the database of the last {@link #newStore()}, with its own pool, as on a second node. */
    protected abstract LedgerStore anotherStoreOverTheSameDatabase();

    private LedgerStore ledger;

    @BeforeEach
    void openStore() {
        ledger = newStore();
    }

    private static Hash hash(long seed) {
        byte[] bytes = new byte[Hash.SIZE];
        new Random(seed).nextBytes(bytes);
        return Hash.of(bytes);
    }

    private static StoredEntry entry(long index) {
        return new StoredEntry(index, ("entry-" + index).getBytes(StandardCharsets.UTF_8), hash(index));
    }

    private static List<StoredEntry> entries(long from, int count) {
        return LongStream.range(from, from + count).mapToObj(LedgerStoreContract::entry).toList();
    }

    private static List<Long> indexes(List<StoredEntry> entries) {
        return entries.stream().map(StoredEntry::index).toList();
    }

    /** StoredEntry holds an array, so records compare by identity: compare the parts. */
    private static void assertSameEntries(List<StoredEntry> actual, List<StoredEntry> expected) {
        assertThat(indexes(actual)).isEqualTo(indexes(expected));
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).encoded()).isEqualTo(expected.get(i).encoded());
            assertThat(actual.get(i).leafHash()).isEqualTo(expected.get(i).leafHash());
        }
    }

    @Test
    void emptyLedger_hasSizeZero_noEntries_noSubtrees_noCheckpoints() {
        assertThat(ledger.size()).isZero();
        assertThat(ledger.read(0, 10)).isEmpty();
        assertThat(ledger.subtree(0, 1)).isEmpty();
        assertThat(ledger.checkpoints()).isEmpty();
    }

    @Test
    void append_thenRead_returnsTheEntriesByteForByte_inIndexOrder() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        List<StoredEntry> given = List.of(
                new StoredEntry(0, allBytes, hash(100)),
                new StoredEntry(1, new byte[0], hash(101)),
                new StoredEntry(2, new byte[] {0, 0, 0}, hash(102)));

        ledger.append(given, List.of());

        assertThat(ledger.size()).isEqualTo(3);
        assertSameEntries(ledger.read(0, 10), given);
    }

    @Test
    void severalAppends_continueTheIndexes_andSizeFollows() {
        ledger.append(entries(0, 1), List.of());
        ledger.append(entries(1, 4), List.of());
        ledger.append(entries(5, 2), List.of());

        assertThat(ledger.size()).isEqualTo(7);
        assertSameEntries(ledger.read(0, 100), entries(0, 7));
    }

    @Test
    void read_pagesFromAnIndex_upToTheLimit() {
        ledger.append(entries(0, 10), List.of());

        assertSameEntries(ledger.read(0, 3), entries(0, 3));
        assertSameEntries(ledger.read(3, 3), entries(3, 3));
        assertSameEntries(ledger.read(8, 5), entries(8, 2));
        assertThat(ledger.read(10, 5)).isEmpty();
        assertThat(ledger.read(1_000, 5)).isEmpty();
        List<Long> paged = new ArrayList<>();
        for (long next = 0; next < ledger.size(); next += 4) {
            paged.addAll(indexes(ledger.read(next, 4)));
        }
        assertThat(paged).isEqualTo(LongStream.range(0, 10).boxed().toList());
        assertThatThrownBy(() -> ledger.read(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.read(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subtrees_storedWithTheirEntries_areFoundByStartAndLevel() {
        SubtreeHash first = new SubtreeHash(0, 1, hash(1_001));
        SubtreeHash second = new SubtreeHash(2, 1, hash(1_002));
        SubtreeHash both = new SubtreeHash(0, 2, hash(1_003));

        ledger.append(entries(0, 2), List.of(first));
        ledger.append(entries(2, 2), List.of(second, both));

        assertThat(ledger.subtree(0, 1)).contains(first.hash());
        assertThat(ledger.subtree(2, 1)).contains(second.hash());
        assertThat(ledger.subtree(0, 2)).contains(both.hash());
        assertThat(ledger.subtree(2, 2)).isEmpty();
        assertThat(ledger.subtree(4, 1)).isEmpty();
        assertThat(ledger.subtree(0, 3)).isEmpty();
    }

    @Test
    void checkpoints_comeBackEqual_oldestFirst() {
        // sizes and times run against the order added
        StoredCheckpoint a = new StoredCheckpoint(5, T0.plusSeconds(60), "pactum.example/log\n5\nroot\n\n\u2014 sig\n");
        StoredCheckpoint b = new StoredCheckpoint(3, T0, "note b \u00e9");
        StoredCheckpoint c = new StoredCheckpoint(0, T0.plusNanos(1_000), "");

        ledger.addCheckpoint(a);
        ledger.addCheckpoint(b);
        ledger.addCheckpoint(c);

        assertThat(ledger.checkpoints()).containsExactly(a, b, c);
    }

    @Test
    void checkpoints_page_andTheNewestOfASize_andTheLatest() {
        StoredCheckpoint first = new StoredCheckpoint(5, T0, "five, first");
        StoredCheckpoint other = new StoredCheckpoint(7, T0.plusSeconds(1), "seven");
        StoredCheckpoint again = new StoredCheckpoint(5, T0.plusSeconds(2), "five, again");
        assertThat(ledger.latestCheckpoint()).isEmpty();
        assertThat(ledger.checkpointOfSize(5)).isEmpty();
        ledger.addCheckpoint(first);
        ledger.addCheckpoint(other);
        ledger.addCheckpoint(again);

        assertThat(ledger.checkpoints(0, 2)).containsExactly(first, other);
        assertThat(ledger.checkpoints(2, 2)).containsExactly(again);
        assertThat(ledger.checkpoints(3, 2)).isEmpty();
        assertThat(ledger.checkpointOfSize(5)).contains(again);
        assertThat(ledger.checkpointOfSize(7)).contains(other);
        assertThat(ledger.checkpointOfSize(6)).isEmpty();
        assertThat(ledger.latestCheckpoint()).contains(again);
    }

    @Test
    void append_withAWrongFirstIndex_isAConflict_andStoresNothing() {
        assertThatThrownBy(() -> ledger.append(entries(1, 2), List.of()))
                .as("an empty ledger starts at 0").isInstanceOf(ConflictException.class);
        ledger.append(entries(0, 2), List.of());

        assertThatThrownBy(() -> ledger.append(entries(0, 1), List.of()))
                .as("an index already taken").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.append(entries(1, 3), List.of()))
                .as("overlapping the end").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.append(entries(3, 2), List.of(new SubtreeHash(2, 1, hash(9)))))
                .as("leaving a gap").isInstanceOf(ConflictException.class);

        assertThat(ledger.size()).isEqualTo(2);
        assertSameEntries(ledger.read(0, 10), entries(0, 2));
        assertThat(ledger.subtree(2, 1)).isEmpty();
    }

    @Test
    void append_withAGapInsideTheBatch_isAConflict_andStoresNothing() {
        List<StoredEntry> gap = List.of(entry(0), entry(1), entry(3));
        List<StoredEntry> repeat = List.of(entry(0), entry(0));
        List<StoredEntry> backwards = List.of(entry(1), entry(0));

        assertThatThrownBy(() -> ledger.append(gap, List.of(new SubtreeHash(0, 1, hash(7)))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.append(repeat, List.of())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.append(backwards, List.of())).isInstanceOf(ConflictException.class);

        assertThat(ledger.size()).isZero();
        assertThat(ledger.read(0, 10)).isEmpty();
        assertThat(ledger.subtree(0, 1)).isEmpty();
    }

    @Test
    void append_whoseSubtreeHashIsAlreadyStored_isAConflict_andRollsBackItsEntries() {
        ledger.append(entries(0, 2), List.of(new SubtreeHash(0, 1, hash(1))));

        assertThatThrownBy(() -> ledger.append(entries(2, 2),
                List.of(new SubtreeHash(2, 1, hash(2)), new SubtreeHash(0, 1, hash(3)))))
                .isInstanceOf(ConflictException.class);

        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.subtree(2, 1)).isEmpty();
        assertThat(ledger.subtree(0, 1)).contains(hash(1));
    }

    @Test
    void append_withASubtreeBeyondTheNewSize_isRejected_andStoresNothing() {
        assertThatThrownBy(() -> ledger.append(entries(0, 3), List.of(new SubtreeHash(0, 2, hash(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.append(List.of(), List.of(new SubtreeHash(0, 1, hash(1)))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(ledger.size()).isZero();
        assertThat(ledger.subtree(0, 2)).isEmpty();
    }

    @Test
    void append_ofNothing_changesNothing() {
        ledger.append(List.of(), List.of());

        assertThat(ledger.size()).isZero();
    }

    /** Two stores, two pools, one database: of two appends at index 0, exactly one wins, whole. */
    @Test
    void concurrentAppendsAtTheSameIndex_fromTwoStores_exactlyOneWins() throws Exception {
        LedgerStore other = anotherStoreOverTheSameDatabase();
        for (int round = 0; round < 20; round++) {
            long index = ledger.size();
            List<StoredEntry> mine = List.of(tagged(index, "mine"), tagged(index + 1, "mine"));
            List<StoredEntry> theirs = List.of(tagged(index, "theirs"));
            List<Boolean> won = race(List.of(
                    () -> ledger.append(mine, List.of()),
                    () -> other.append(theirs, List.of())));

            assertThat(won).as("round " + round).containsExactlyInAnyOrder(true, false);
            List<StoredEntry> stored = ledger.read(index, 10);
            assertSameEntries(stored, won.get(0) ? mine : theirs);
        }
    }

    /**
     * Writers on two stores keep appending at what they read as the size, retrying on conflict.
     * Every index must end up taken exactly once, by the writer that was told it succeeded.
     */
    @Test
    void concurrentWritersThroughTwoStores_neverBothSucceed_andLeaveNoGap() throws Exception {
        List<LedgerStore> stores = List.of(ledger, anotherStoreOverTheSameDatabase());
        int writers = 4;
        int appendsPerWriter = 15;
        Map<Long, String> winners = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                LedgerStore store = stores.get(w % stores.size());
                String writer = "writer-" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    int conflicts = 0;
                    for (int done = 0; done < appendsPerWriter; ) {
                        long index = store.size();
                        try {
                            store.append(List.of(tagged(index, writer)), List.of());
                            assertThat(winners.put(index, writer)).as("index " + index + " won twice").isNull();
                            done++;
                        } catch (ConflictException e) {
                            conflicts++;
                        }
                    }
                    return conflicts;
                }));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long total = (long) writers * appendsPerWriter;
        assertThat(ledger.size()).isEqualTo(total);
        List<StoredEntry> stored = ledger.read(0, (int) total + 1);
        assertThat(indexes(stored)).isEqualTo(LongStream.range(0, total).boxed().toList());
        for (StoredEntry entry : stored) {
            assertSameEntries(List.of(entry), List.of(tagged(entry.index(), winners.get(entry.index()))));
        }
    }

    private static StoredEntry tagged(long index, String writer) {
        return new StoredEntry(index, (writer + "@" + index).getBytes(StandardCharsets.UTF_8), hash(writer.hashCode() * 31L + index));
    }

    /** Runs the appends at once; for each, whether it succeeded (true) or was a conflict (false). */
    private static List<Boolean> race(List<Runnable> appends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(appends.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Runnable append : appends) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        append.run();
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                };
                futures.add(pool.submit(attempt));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
