package io.pactum.storage.jdbc;

import io.pactum.core.command.CommandStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The command store contract on the embedded default: an H2 file database per test. */
class H2CommandStoreTest extends CommandStoreContract {
    @TempDir
    Path dataDir;

    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
        return new Stores(database.stores(), database.commands());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
