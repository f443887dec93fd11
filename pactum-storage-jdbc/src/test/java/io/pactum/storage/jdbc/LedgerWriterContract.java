package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.error.ConflictException;
import io.pactum.core.ingest.RecordStore;
import io.pactum.core.ingest.RecordStore.Append;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryType;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.InMemoryLeafHashes;
import io.pactum.core.ledger.merkle.MerkleHash;
import io.pactum.core.ledger.merkle.MerkleTree;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger writer over a real database: appends from many threads get consecutive indexes and
 * one tree; reopening rebuilds the same head; entries staged in a record transaction commit with
 * the records or not at all.
 */
abstract class LedgerWriterContract {
    private static final String CARE = "care";
    private static final String CARE_AGREEMENT = "care-agreement";

    /** A fresh, empty database of one back end. */
    protected abstract JdbcDatabase newDatabase();

    private JdbcDatabase database;
    private Ledger ledger;
    private Product product;

    @BeforeEach
    void open() {
        database = newDatabase();
        ledger = Ledger.open(database.ledger(), EntrySealer.NONE, 64);
        var registry = database.stores();
        SharingFixtures.organisation(registry, "acme", OrganisationRole.SUPPLIER);
        SharingFixtures.organisation(registry, CARE, OrganisationRole.PARTNER);
        product = SharingFixtures.product(registry, "glucose-product", "acme");
        SharingFixtures.device(registry, "glucose-1", product, SharingFixtures.T0);
        database.agreements().insert(SharingFixtures.agreement(CARE_AGREEMENT, CARE, product.id(), SharingFixtures.T0));
    }

    @AfterEach
    void close() {
        ledger.close();
        database.close();
    }

    private static AuditEvent event(String name) {
        return new AuditEvent(AuditEventType.SECURITY_SIGNAL, SharingFixtures.T0, AuditEvent.HUB, Map.of("name", name));
    }

    @Test
    void appendsFromManyThreads_getConsecutiveIndexes_andTheHeadIsTheTreeOfWhatIsStored() throws Exception {
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> indexes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            indexes.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(ledger.appendAndGetIndex(event(thread + "-" + i)));
                }
                return mine;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> future : indexes) {
            all.addAll(future.get());
        }
        pool.shutdown();

        long size = (long) threads * perThread;
        assertThat(all).hasSize((int) size).allSatisfy(i -> assertThat(i).isBetween(0L, size - 1));
        assertThat(ledger.size()).isEqualTo(size);
        assertThat(ledger.head().rootHash()).isEqualTo(independentRoot(size))
                .isEqualTo(ledger.tree(size).rootHash(size));
    }

    @Test
    void reopening_rebuildsTheSameHead_andAppendsContinue() {
        for (int i = 0; i < 700; i++) {
            ledger.append(event("before-" + i));
        }
        Ledger.TreeHead before = ledger.head();
        ledger.close();

        ledger = Ledger.open(database.ledger(), EntrySealer.NONE, 64);
        assertThat(ledger.head()).isEqualTo(before);
        assertThat(ledger.appendAndGetIndex(event("after"))).isEqualTo(700);
        assertThat(ledger.head().rootHash()).isEqualTo(independentRoot(701));
    }

    @Test
    void entriesStagedInARecordTransaction_commitWithTheRecords() {
        RecordStore records = database.recordsAuditedBy(ledger);
        ledger.append(event("first"));

        records.appendAll(List.of(append("rec-1", CARE_AGREEMENT)));

        assertThat(ledger.size()).isEqualTo(2);
        LedgerEntry release = ledger.entries(1, 1).get(0);
        assertThat(release.index()).isEqualTo(1);
        assertThat(release.type()).isEqualTo(LedgerEntryType.DATA_RELEASE);
        assertThat(release.details()).containsEntry("recordId", "rec-1");
        assertThat(ledger.head().rootHash()).isEqualTo(independentRoot(2));
    }

    @Test
    void aRecordTransactionThatFails_leavesNoEntry_andTheNextEntryTakesTheFreeIndex() {
        RecordStore records = database.recordsAuditedBy(ledger);
        ledger.append(event("first"));
        Ledger.TreeHead before = ledger.head();

        // an outbox entry under an agreement that does not exist: the whole transaction rolls back
        assertThatThrownBy(() -> records.appendAll(List.of(append("rec-2", "no-such-agreement"))))
                .hasMessageContaining("no-such-agreement");

        assertThat(ledger.head()).isEqualTo(before);
        assertThat(database.ledger().size()).isEqualTo(1);
        assertThat(database.records().find("rec-2")).isEmpty();
        assertThat(ledger.appendAndGetIndex(event("next"))).isEqualTo(1);
        assertThat(ledger.head().rootHash()).isEqualTo(independentRoot(2));
    }

    @Test
    void recordedEvents_areWrittenWithoutWaiting_andAllArePresentAfterClose() {
        for (int i = 0; i < 1000; i++) {
            ledger.record(event("signal-" + i));
        }
        ledger.close();
        ledger = Ledger.open(database.ledger(), EntrySealer.NONE, 64);

        assertThat(ledger.size()).isEqualTo(1000);
        assertThat(ledger.entries(0, 1000)).extracting(e -> e.details().get("name"))
                .containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(i -> "signal-" + i).toList());
    }

    @Test
    void aLedgerThatFindsItsIndexTaken_readsTheStoreBack_andContinues() {
        ledger.append(event("first"));
        try (Ledger other = Ledger.open(database.ledger(), EntrySealer.NONE, 64)) {
            other.append(event("by another writer")); // as a second hub node, or a tool, would
        }

        // this ledger still thinks the next index is 1: that append fails, the next one does not
        assertThatThrownBy(() -> ledger.append(event("collides"))).isInstanceOf(ConflictException.class);
        assertThat(ledger.appendAndGetIndex(event("continues"))).isEqualTo(2);
        assertThat(ledger.head().rootHash()).isEqualTo(independentRoot(3));
    }

    @Test
    void anEventTooLargeToEncode_failsAlone() {
        String huge = "x".repeat(LedgerEntry.MAX_FIELD_BYTES + 1);
        assertThatThrownBy(() -> ledger.append(event(huge))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.appendAndGetIndex(event("fine"))).isEqualTo(0);
    }

    private Append append(String recordId, String agreementId) {
        OutboxEntry delivery = SharingFixtures.entry(CARE, agreementId, recordId, "subject-1", SharingFixtures.T0);
        AuditEvent released = new AuditEvent(AuditEventType.DATA_RELEASED, SharingFixtures.T0, AuditEvent.HUB,
                Map.of("recipientId", CARE, "agreementId", agreementId, "recordId", recordId));
        return new Append(List.of(SharingFixtures.record(recordId, "glucose-1", product.id(), SharingFixtures.T0)),
                null, List.of(delivery), List.of(released));
    }

    /** The RFC 9162 root of the stored entries, hashed here from their bytes. */
    private Hash independentRoot(long size) {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        for (StoredEntry entry : database.ledger().read(0, (int) size)) {
            leaves.appendEntry(entry.encoded());
            assertThat(entry.leafHash()).isEqualTo(MerkleHash.leaf(entry.encoded()));
        }
        return new MerkleTree(leaves).rootHash(size);
    }
}
