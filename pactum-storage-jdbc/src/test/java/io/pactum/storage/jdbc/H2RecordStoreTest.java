package io.pactum.storage.jdbc;

import io.pactum.core.ingest.RecordStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The record store contract on the embedded default: an H2 file database per test. */
class H2RecordStoreTest extends RecordStoreContract {
    @TempDir
    Path dataDir;

    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
        return new Stores(database.stores(), database.records());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
