package io.pactum.storage.jdbc;

import io.pactum.core.registry.RegistryStores;
import org.junit.jupiter.api.AfterEach;

/** The device listByProduct contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresDeviceListByProductIT extends DeviceListByProductContract {
    private JdbcDatabase database;

    @Override
    protected RegistryStores newStores() {
        JdbcSettings settings = TestPostgres.newDatabase("devices");
        database = JdbcDatabase.open(new JdbcSettings(settings.url(), settings.user(), settings.password(), 8));
        return database.stores();
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
