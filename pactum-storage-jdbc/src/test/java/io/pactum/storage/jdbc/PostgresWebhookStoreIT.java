package io.pactum.storage.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The webhook store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresWebhookStoreIT extends WebhookStoreContract {
    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        JdbcSettings settings = TestPostgres.newDatabase("webhooks");
        database = JdbcDatabase.open(new JdbcSettings(settings.url(), settings.user(), settings.password(), 8));
        return new Stores(database.stores(), database.webhooks(), database.outbox());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
