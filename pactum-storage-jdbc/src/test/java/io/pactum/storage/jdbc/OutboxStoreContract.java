package io.pactum.storage.jdbc;

import static io.pactum.storage.jdbc.SharingFixtures.T0;
import static io.pactum.storage.jdbc.SharingFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.RecordStore;
import io.pactum.core.ingest.RecordStore.Append;
import io.pactum.core.integrity.ReplayWindow;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.AgreementStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every outbox store must show, with the record store that writes it; a back end runs
 * it by extending this class. Stores should allow at least 8 concurrent connections.
 */
abstract class OutboxStoreContract {
    /** Fresh, empty stores of one back end, all over the same database. */
    record Stores(RegistryStores registry, AgreementStore agreements, RecordStore records, OutboxStore outbox) {}

    protected abstract Stores newStores();

    private static final String CARE = "care";
    private static final String LAB = "lab";
    private static final String CARE_AGREEMENT = "care-agreement";
    private static final String LAB_AGREEMENT = "lab-agreement";

    private RecordStore records;
    private OutboxStore outbox;
    private Product product;

    @BeforeEach
    void createRecipientsAndAgreements() {
        Stores stores = newStores();
        records = stores.records();
        outbox = stores.outbox();
        RegistryStores registry = stores.registry();
        SharingFixtures.organisation(registry, "acme", OrganisationRole.SUPPLIER);
        SharingFixtures.organisation(registry, CARE, OrganisationRole.PARTNER);
        SharingFixtures.organisation(registry, LAB, OrganisationRole.PARTNER);
        product = SharingFixtures.product(registry, "glucose-product", "acme");
        for (int i = 1; i <= 4; i++) {
            SharingFixtures.device(registry, "glucose-" + i, product, T0);
        }
        stores.agreements().insert(SharingFixtures.agreement(CARE_AGREEMENT, CARE, product.id(), T0));
        stores.agreements().insert(SharingFixtures.agreement(LAB_AGREEMENT, LAB, product.id(), T0));
    }

    private CanonicalRecord record(String id) {
        return SharingFixtures.record(id, "glucose-1", product.id(), T0);
    }

    private static OutboxEntry toCare(String recordId) {
        return entry(CARE, CARE_AGREEMENT, recordId, "subject-1", T0);
    }

    private static OutboxEntry toLab(String recordId) {
        return entry(LAB, LAB_AGREEMENT, recordId, null, T0);
    }

    /** One message: one record on glucose-1, no window, the given deliveries. */
    private void append(String recordId, OutboxEntry... deliveries) {
        records.appendAll(List.of(new Append(List.of(record(recordId)), null, List.of(deliveries))));
    }

    private List<Long> eventIds(String recipientId) {
        return outbox.readAfter(recipientId, 0, 100_000).stream().map(Delivery::eventId).toList();
    }

    @Test
    void appendAll_withDeliveries_storesEqualEntries_underPositiveIncreasingEventIds() {
        OutboxEntry first = toCare("r1");
        OutboxEntry second = toLab("r1");
        OutboxEntry third = entry(CARE, CARE_AGREEMENT, "r2", null, T0.plusSeconds(1));

        append("r1", first, second);
        append("r2", third);

        List<Delivery> care = outbox.readAfter(CARE, 0, 10);
        List<Delivery> lab = outbox.readAfter(LAB, 0, 10);
        assertThat(care).extracting(Delivery::entry).containsExactly(first, third);
        assertThat(lab).extracting(Delivery::entry).containsExactly(second);
        long a = care.get(0).eventId();
        long b = lab.get(0).eventId();
        long c = care.get(1).eventId();
        assertThat(a).isPositive();
        assertThat(List.of(a, b, c)).as("in the order written").isSorted().doesNotHaveDuplicates();
        assertThat(care.get(0).json()).startsWith("{\"eventId\":" + a + ",\"agreementId\":");
        assertThat(records.find("r1")).isPresent();
    }

    @Test
    void appendAll_ofSeveralMessages_storesEveryDelivery_inTheGivenOrder() {
        records.appendAll(List.of(
                new Append(List.of(record("m1")), null, List.of(toCare("m1"), toLab("m1"))),
                new Append(List.of(record("m2")), null, List.of()),
                new Append(List.of(record("m3"), record("m4")), null, List.of(toCare("m3"), toCare("m4")))));

        assertThat(outbox.readAfter(CARE, 0, 10)).extracting(d -> d.entry().recordId())
                .containsExactly("m1", "m3", "m4");
        assertThat(outbox.readAfter(LAB, 0, 10)).extracting(d -> d.entry().recordId()).containsExactly("m1");
        assertThat(records.find("m2")).isPresent();
    }

    @Test
    void readAfter_returnsOnlyThatRecipientsEntriesAfterTheId_oldestFirst_upToLimit() {
        for (int i = 0; i < 10; i++) {
            append("r" + i, i % 2 == 0 ? toCare("r" + i) : toLab("r" + i));
        }
        List<Long> care = eventIds(CARE);
        assertThat(care).hasSize(5).isSorted();

        assertThat(outbox.readAfter(CARE, 0, 3)).extracting(Delivery::eventId).containsExactlyElementsOf(care.subList(0, 3));
        assertThat(outbox.readAfter(CARE, care.get(2), 3)).extracting(Delivery::eventId)
                .containsExactlyElementsOf(care.subList(3, 5));
        assertThat(outbox.readAfter(CARE, care.get(1) + 1, 1)).as("an id between entries")
                .extracting(Delivery::eventId).containsExactly(care.get(2));
        assertThat(outbox.readAfter(CARE, care.get(4), 10)).isEmpty();
        assertThat(outbox.readAfter(CARE, -1, 100)).hasSize(5);
        assertThat(outbox.readAfter(LAB, 0, 100)).hasSize(5).allMatch(d -> d.entry().recipientId().equals(LAB));
        assertThat(outbox.readAfter("ghost", 0, 100)).isEmpty();
        assertThatThrownBy(() -> outbox.readAfter(CARE, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latestEventId_isTheRecipientsHighest_orZeroWhenEmpty() {
        assertThat(outbox.latestEventId(CARE)).isZero();

        append("r1", toCare("r1"));
        append("r2", toLab("r2"));

        assertThat(outbox.latestEventId(CARE)).isEqualTo(eventIds(CARE).get(0));
        assertThat(outbox.latestEventId(LAB)).isEqualTo(eventIds(LAB).get(0)).isGreaterThan(outbox.latestEventId(CARE));
        assertThat(outbox.latestEventId("ghost")).isZero();
    }

    @Test
    void appendAll_whenARecordIdIsTaken_storesNeitherTheRecordsNorTheDeliveries() {
        append("r1", toCare("r1"));
        List<Delivery> before = outbox.readAfter(CARE, 0, 10);

        assertThatThrownBy(() -> records.appendAll(List.of(
                new Append(List.of(record("r2")), null, List.of(toCare("r2"))),
                new Append(List.of(record("r1")), null, List.of(toLab("r1"), toCare("r1"))))))
                .isInstanceOf(RuntimeException.class);

        assertThat(records.find("r2")).isEmpty();
        assertThat(outbox.readAfter(CARE, 0, 10)).isEqualTo(before);
        assertThat(outbox.readAfter(LAB, 0, 10)).isEmpty();
        assertThat(outbox.latestEventId(LAB)).isZero();

        append("r3", toCare("r3"));
        assertThat(outbox.latestEventId(CARE)).isGreaterThan(before.get(0).eventId());
    }

    @Test
    void appendAll_withADeliveryUnderAnUnknownAgreementOrRecipient_failsNamingIt_andStoresNothing() {
        ReplayWindow window = ReplayWindow.EMPTY.check(1).window();
        OutboxEntry unknownAgreement = entry(CARE, "no-such-agreement", "r1", null, T0);
        OutboxEntry unknownRecipient = entry("ghost", CARE_AGREEMENT, "r2", null, T0);

        assertThatThrownBy(() -> records.appendAll(List.of(
                new Append(List.of(record("r1")), window, List.of(toCare("r1"), unknownAgreement)))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).contains("agreementId"));
        assertThatThrownBy(() -> records.appendAll(List.of(
                new Append(List.of(record("r2")), null, List.of(unknownRecipient)))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).contains("recipientId"));

        assertThat(records.find("r1")).isEmpty();
        assertThat(records.find("r2")).isEmpty();
        assertThat(records.replayWindow("glucose-1")).isEqualTo(ReplayWindow.EMPTY);
        assertThat(outbox.readAfter(CARE, 0, 10)).isEmpty();
    }

    @Test
    void recordRetention_leavesTheOutboxAlone() {
        append("r1", toCare("r1"));

        assertThat(records.deleteReceivedBefore(product.id(), T0.plusSeconds(3600))).isEqualTo(1);

        assertThat(records.find("r1")).isEmpty();
        assertThat(outbox.readAfter(CARE, 0, 10)).extracting(d -> d.entry().recordId()).containsExactly("r1");
    }

    /**
     * The ordering guarantee: writers commit concurrently while readers tail each outbox, each moving
     * its cursor to the last id it read. Every reader must see every entry of its recipient exactly
     * once, in event id order; a smaller id committed after a larger one was read would be skipped.
     */
    @Test
    void concurrentAppends_neverLetATailingReaderSkipOrRepeatAnEntry() throws Exception {
        assertTailingReadersSeeEveryEntryOnce(List.of(records));
    }

    /**
     * As above, with the writers split over two record stores of one database, as on two hub nodes
     * sharing one PostgreSQL: the order must hold across them too.
     */
    @Test
    void concurrentAppendsThroughTwoStoresOfOneDatabase_neverLetATailingReaderSkipOrRepeatAnEntry() throws Exception {
        Optional<RecordStore> another = anotherRecordStoreOverTheSameDatabase();
        assumeTrue(another.isPresent(), "the back end offers a second store over the same database");
        assertTailingReadersSeeEveryEntryOnce(List.of(records, another.get()));
    }

    /** A second record store over the database of the last {@link #newStores()}, if the back end can open one. */
    protected Optional<RecordStore> anotherRecordStoreOverTheSameDatabase() {
        return Optional.empty();
    }

    private void assertTailingReadersSeeEveryEntryOnce(List<RecordStore> writerStores) throws Exception {
        int writers = 4;
        int appendsPerWriter = 120;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writerFutures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String device = "glucose-" + (w + 1);
                RecordStore store = writerStores.get(w % writerStores.size());
                writerFutures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < appendsPerWriter; i++) {
                        String id = device + "-" + i;
                        List<OutboxEntry> deliveries = new ArrayList<>(List.of(toCare(id)));
                        if (i % 3 == 0) {
                            deliveries.add(toLab(id));
                        }
                        if (i % 5 == 0) {
                            deliveries.add(toCare(id)); // a second entry for one recipient in one transaction
                        }
                        CanonicalRecord record = SharingFixtures.record(id, device, product.id(), T0.plusSeconds(i));
                        store.appendAll(List.of(new Append(List.of(record), null, deliveries)));
                    }
                    return null;
                }));
            }
            List<Future<List<Long>>> readers = List.of(
                    pool.submit(tail(CARE, 7, start, writing)),
                    pool.submit(tail(CARE, 1, start, writing)),
                    pool.submit(tail(LAB, 3, start, writing)));

            start.countDown();
            for (Future<?> writer : writerFutures) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);

            List<Long> care = eventIds(CARE);
            List<Long> lab = eventIds(LAB);
            int perWriterCare = appendsPerWriter + (appendsPerWriter + 4) / 5;
            assertThat(care).hasSize(writers * perWriterCare);
            assertThat(lab).hasSize(writers * ((appendsPerWriter + 2) / 3));
            assertThat(readers.get(0).get(60, TimeUnit.SECONDS)).as("care, read 7 at a time")
                    .containsExactlyElementsOf(care);
            assertThat(readers.get(1).get(60, TimeUnit.SECONDS)).as("care, read 1 at a time")
                    .containsExactlyElementsOf(care);
            assertThat(readers.get(2).get(60, TimeUnit.SECONDS)).as("lab, read 3 at a time")
                    .containsExactlyElementsOf(lab);
        } finally {
            writing.set(false);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A reader that follows one outbox with a cursor until the writers are done and it is drained. */
    private Callable<List<Long>> tail(String recipientId, int batch, CountDownLatch start, AtomicBoolean writing) {
        return () -> {
            start.await();
            List<Long> seen = new ArrayList<>();
            long cursor = 0;
            while (true) {
                boolean finalPass = !writing.get(); // read before reading the outbox: nothing is written after
                List<Delivery> read = outbox.readAfter(recipientId, cursor, batch);
                for (Delivery delivery : read) {
                    assertThat(delivery.eventId()).isGreaterThan(cursor);
                    assertThat(delivery.entry().recipientId()).isEqualTo(recipientId);
                    seen.add(delivery.eventId());
                    cursor = delivery.eventId();
                }
                if (read.isEmpty() && finalPass) {
                    return seen;
                }
            }
        };
    }

    @Test
    void cursor_ofAChannelThatNeverConfirmed_isZero() {
        assertThat(outbox.cursor(CARE, "mqtt:care-client")).isZero();
    }

    @Test
    void saveCursor_movesForwardOnly_perRecipientAndChannel() {
        outbox.saveCursor(CARE, "mqtt:c1", 5);
        assertThat(outbox.cursor(CARE, "mqtt:c1")).isEqualTo(5);

        outbox.saveCursor(CARE, "mqtt:c1", 3);
        outbox.saveCursor(CARE, "mqtt:c1", 0);
        assertThat(outbox.cursor(CARE, "mqtt:c1")).as("never backwards").isEqualTo(5);

        outbox.saveCursor(CARE, "mqtt:c1", 5);
        assertThat(outbox.cursor(CARE, "mqtt:c1")).isEqualTo(5);

        outbox.saveCursor(CARE, "mqtt:c1", 9_000_000_000L);
        assertThat(outbox.cursor(CARE, "mqtt:c1")).isEqualTo(9_000_000_000L);

        outbox.saveCursor(LAB, "mqtt:c1", 2);
        outbox.saveCursor(CARE, "webhook:w1", 1);
        assertThat(outbox.cursor(LAB, "mqtt:c1")).isEqualTo(2);
        assertThat(outbox.cursor(CARE, "webhook:w1")).isEqualTo(1);
        assertThat(outbox.cursor(CARE, "mqtt:c1")).isEqualTo(9_000_000_000L);
    }

    @Test
    void deleteCursor_forgetsOnlyThatChannel_whichMayThenStartLower() {
        outbox.saveCursor(CARE, "mqtt:c1", 40);
        outbox.saveCursor(CARE, "mqtt:c2", 50);
        outbox.saveCursor(LAB, "mqtt:c1", 60);

        outbox.deleteCursor(CARE, "mqtt:c1");
        outbox.deleteCursor(CARE, "mqtt:never-saved");

        assertThat(outbox.cursor(CARE, "mqtt:c1")).isZero();
        assertThat(outbox.cursor(CARE, "mqtt:c2")).isEqualTo(50);
        assertThat(outbox.cursor(LAB, "mqtt:c1")).isEqualTo(60);
        outbox.saveCursor(CARE, "mqtt:c1", 3);
        assertThat(outbox.cursor(CARE, "mqtt:c1")).isEqualTo(3);
    }

    @Test
    void saveCursor_fromManyThreadsAtOnce_keepsTheHighestValue() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 8; round++) {
                String channel = "mqtt:race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> saved = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = round * 100L + t;
                    saved.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        long highest = 0;
                        start.await();
                        for (int i = 0; i < 25; i++) {
                            long value = 1 + random.nextInt(10_000);
                            outbox.saveCursor(CARE, channel, value);
                            highest = Math.max(highest, value);
                        }
                        return highest;
                    }));
                }
                start.countDown();
                long highest = 0;
                for (Future<Long> each : saved) {
                    highest = Math.max(highest, each.get(60, TimeUnit.SECONDS));
                }
                assertThat(outbox.cursor(CARE, channel)).as(channel).isEqualTo(highest);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void saveCursor_forUnknownRecipientOrOverlongChannel_isInvalidInput() {
        assertThatThrownBy(() -> outbox.saveCursor("ghost", "mqtt:c1", 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("recipientId"));
        assertThatThrownBy(() -> outbox.saveCursor(CARE, "mqtt:" + "x".repeat(JdbcOutboxStore.MAX_CHANNEL), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("channel"));
        assertThatThrownBy(() -> outbox.saveCursor(CARE, "mqtt:c1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveCursor_withTheLongestChannel_isKept() {
        String channel = "mqtt:" + "x".repeat(JdbcOutboxStore.MAX_CHANNEL - 5);

        outbox.saveCursor(CARE, channel, 7);

        assertThat(outbox.cursor(CARE, channel)).isEqualTo(7);
    }

    @Test
    void deleteCreatedBefore_removesOlderEntriesOfEveryRecipient_cutoffExclusive() {
        Instant cutoff = T0.plusSeconds(60);
        append("old", entry(CARE, CARE_AGREEMENT, "old", null, T0), entry(LAB, LAB_AGREEMENT, "old", null, T0));
        append("edge", entry(CARE, CARE_AGREEMENT, "edge", null, cutoff.minusNanos(1_000)));
        append("at", entry(CARE, CARE_AGREEMENT, "at", null, cutoff));
        append("new", entry(LAB, LAB_AGREEMENT, "new", null, cutoff.plusSeconds(3600)));

        assertThat(outbox.deleteCreatedBefore(cutoff)).isEqualTo(3);

        assertThat(outbox.readAfter(CARE, 0, 10)).extracting(d -> d.entry().recordId()).containsExactly("at");
        assertThat(outbox.readAfter(LAB, 0, 10)).extracting(d -> d.entry().recordId()).containsExactly("new");
        assertThat(outbox.deleteCreatedBefore(cutoff)).isZero();
    }

    @Test
    void deleteCreatedBefore_ofEverything_neverLetsAnEventIdBeTakenAgain() {
        append("r1", toCare("r1"), toLab("r1"));
        long highest = outbox.latestEventId(LAB);

        assertThat(outbox.deleteCreatedBefore(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(outbox.latestEventId(CARE)).isZero();

        append("r2", toCare("r2"));
        assertThat(outbox.latestEventId(CARE)).isGreaterThan(highest);
    }
}
