package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ingest.RecordStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox store contract on the embedded default: an H2 file database per test. */
class H2OutboxStoreTest extends OutboxStoreContract {
    @TempDir
    Path dataDir;

    private JdbcSettings settings;
    private JdbcDatabase database;
    private JdbcDatabase another;

    @Override
    protected Stores newStores() {
        settings = new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8);
        database = JdbcDatabase.open(settings);
        return new Stores(database.stores(), database.agreements(), database.records(), database.outbox());
    }

    /** Another {@code JdbcDatabase} on the same database: its own pool, its own record store and JVM lock. */
    @Override
    protected Optional<RecordStore> anotherRecordStoreOverTheSameDatabase() {
        another = JdbcDatabase.open(settings);
        return Optional.of(another.records());
    }

    @Test
    void eventIds_keepGrowing_afterTheDatabaseIsClosedAndOpenedAgain() {
        appendOneDelivery("before");
        long before = database.outbox().latestEventId("care");

        database.close();
        database = JdbcDatabase.open(settings);
        appendOneDelivery("after");

        assertThat(database.outbox().readAfter("care", before, 10)).extracting(d -> d.entry().recordId())
                .containsExactly("after");
    }

    private void appendOneDelivery(String recordId) {
        database.records().appendAll(List.of(new RecordStore.Append(
                List.of(SharingFixtures.record(recordId, "glucose-1", "glucose-product", SharingFixtures.T0)), null,
                List.of(SharingFixtures.entry("care", "care-agreement", recordId, null, SharingFixtures.T0)))));
    }

    @AfterEach
    void closeDatabase() {
        if (another != null) {
            another.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
