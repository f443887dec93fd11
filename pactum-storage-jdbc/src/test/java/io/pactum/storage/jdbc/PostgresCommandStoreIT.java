package io.pactum.storage.jdbc;

import io.pactum.core.command.CommandStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The command store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresCommandStoreIT extends CommandStoreContract {
    private JdbcDatabase database;

    @Override
    protected Stores newStores() {
        database = JdbcDatabase.open(TestPostgres.newDatabase("commands"));
        return new Stores(database.stores(), database.commands());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
