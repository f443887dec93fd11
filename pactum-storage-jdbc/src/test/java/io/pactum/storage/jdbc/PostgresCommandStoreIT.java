package io.pactum.storage.jdbc;

import io.pactum.core.command.CommandStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The command store contract on a real PostgreSQL: one server per class, a new database per test. */
class PostgresCommandStoreIT extends CommandStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private JdbcDatabase database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Stores newStores() {
        try {
            String url = TestPostgres.createDatabase(postgres, "commands_" + DATABASES.incrementAndGet());
            database = JdbcDatabase.open(new JdbcSettings(url, "postgres", null, 4));
            return new Stores(database.stores(), database.commands());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
