package io.pactum.storage.jdbc;

import io.pactum.core.incident.IncidentStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The incident store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresIncidentStoreIT extends IncidentStoreContract {
    private JdbcSettings settings;
    private JdbcDatabase database;
    private final List<JdbcDatabase> others = new ArrayList<>();

    @Override
    protected IncidentStore newStore() {
        JdbcSettings created = TestPostgres.newDatabase("incidents");
        settings = new JdbcSettings(created.url(), created.user(), created.password(), 8);
        database = JdbcDatabase.open(settings);
        return database.incidents();
    }

    /** Another {@code JdbcDatabase} on the same database: its own pool and store, as on a second hub node. */
    @Override
    protected IncidentStore anotherStoreOverTheSameDatabase() {
        JdbcDatabase another = JdbcDatabase.open(settings);
        others.add(another);
        return another.incidents();
    }

    @AfterEach
    void closeDatabase() {
        others.forEach(JdbcDatabase::close);
        if (database != null) {
            database.close();
        }
    }
}
