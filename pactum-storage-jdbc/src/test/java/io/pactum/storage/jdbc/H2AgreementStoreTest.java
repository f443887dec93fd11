package io.pactum.storage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The agreement store contract on the embedded default: an H2 file database per test. */
class H2AgreementStoreTest extends AgreementStoreContract {
    @TempDir
    Path dataDir;

    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8));
        return new Stores(database.stores(), database.agreements());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
