package io.pactum.storage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The outbox device id contract on the embedded default: an H2 file database per test. */
class OutboxDeviceIdContractH2Test extends OutboxDeviceIdContract {
    @TempDir
    Path dataDir;

    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8));
        return new Stores(database.stores(), database.agreements(), database.records(), database.outbox());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
