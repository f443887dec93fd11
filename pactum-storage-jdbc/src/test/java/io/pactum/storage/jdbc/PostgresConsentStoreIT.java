package io.pactum.storage.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The consent store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresConsentStoreIT extends ConsentStoreContract {
    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        JdbcSettings settings = TestPostgres.newDatabase("consents");
        database = JdbcDatabase.open(new JdbcSettings(settings.url(), settings.user(), settings.password(), 8));
        return new Stores(database.stores(), database.consents());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
