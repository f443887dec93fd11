package io.pactum.storage.jdbc;

import io.pactum.core.registry.RegistryStoreContract;
import io.pactum.core.registry.RegistryStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: an H2 file database, a new one per test. */
class H2RegistryStoreTest extends RegistryStoreContract {
    @TempDir
    static Path dataDirs;

    private JdbcDatabase database;

    @Override
    protected RegistryStores newStores() {
        try {
            Path dataDir = Files.createTempDirectory(dataDirs, "h2");
            database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
            return database.stores();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
