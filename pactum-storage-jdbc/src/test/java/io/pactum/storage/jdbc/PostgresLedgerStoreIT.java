package io.pactum.storage.jdbc;

import io.pactum.core.ledger.LedgerStore;
import org.junit.jupiter.api.AfterEach;

/** The ledger store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresLedgerStoreIT extends LedgerStoreContract {
    private JdbcSettings settings;
    private JdbcDatabase database;
    private JdbcDatabase another;

    @Override
    protected LedgerStore newStore() {
        JdbcSettings created = TestPostgres.newDatabase("ledger");
        settings = new JdbcSettings(created.url(), created.user(), created.password(), 8);
        database = JdbcDatabase.open(settings);
        return database.ledger();
    }

    /** Another {@code JdbcDatabase} on the same database: its own pool and store, as on a second hub node. */
    @Override
    protected LedgerStore anotherStoreOverTheSameDatabase() {
        another = JdbcDatabase.open(settings);
        return another.ledger();
    }

    @AfterEach
    void closeDatabase() {
        if (another != null) {
            another.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
