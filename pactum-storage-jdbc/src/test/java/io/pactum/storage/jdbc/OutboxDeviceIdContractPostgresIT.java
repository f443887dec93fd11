package io.pactum.storage.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The outbox device id contract on a real PostgreSQL: a new database per test on the shared server. */
class OutboxDeviceIdContractPostgresIT extends OutboxDeviceIdContract {
    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        JdbcSettings created = TestPostgres.newDatabase("outbox_device");
        database = JdbcDatabase.open(new JdbcSettings(created.url(), created.user(), created.password(), 8));
        return new Stores(database.stores(), database.agreements(), database.records(), database.outbox());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
