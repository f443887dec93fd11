package io.pactum.storage.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The agreement store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresAgreementStoreIT extends AgreementStoreContract {
    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        JdbcSettings settings = TestPostgres.newDatabase("agreements");
        database = JdbcDatabase.open(new JdbcSettings(settings.url(), settings.user(), settings.password(), 8));
        return new Stores(database.stores(), database.agreements());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
