package io.pactum.storage.jdbc;

import io.pactum.core.registry.RegistryStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The device listByProduct contract on the embedded default: an H2 file database per test. */
class H2DeviceListByProductTest extends DeviceListByProductContract {
    @TempDir
    Path dataDir;

    private JdbcDatabase database;

    @Override
    protected RegistryStores newStores() {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8));
        return database.stores();
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
