package io.pactum.storage.jdbc;

import io.pactum.core.ingest.RecordStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The record store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresRecordStoreIT extends RecordStoreContract {
    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        database = JdbcDatabase.open(TestPostgres.newDatabase("records"));
        return new Stores(database.stores(), database.records());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
