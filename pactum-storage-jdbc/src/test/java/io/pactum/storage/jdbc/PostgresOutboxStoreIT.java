package io.pactum.storage.jdbc;

import io.pactum.core.ingest.RecordStore;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The outbox store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresOutboxStoreIT extends OutboxStoreContract {
    private JdbcSettings settings;
    private JdbcDatabase database;
    private JdbcDatabase another;

    @Override
    protected Stores newStores() {
        JdbcSettings created = TestPostgres.newDatabase("outbox");
        settings = new JdbcSettings(created.url(), created.user(), created.password(), 8);
        database = JdbcDatabase.open(settings);
        return new Stores(database.stores(), database.agreements(), database.records(), database.outbox());
    }

    /** Another {@code JdbcDatabase} on the same database: its own pool, its own record store and JVM lock. */
    @Override
    protected Optional<RecordStore> anotherRecordStoreOverTheSameDatabase() {
        another = JdbcDatabase.open(settings);
        return Optional.of(another.records());
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
