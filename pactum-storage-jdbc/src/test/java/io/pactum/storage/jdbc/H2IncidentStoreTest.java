package io.pactum.storage.jdbc;

import io.pactum.core.incident.IncidentStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The incident store contract on the embedded default: an H2 file database per test. */
class H2IncidentStoreTest extends IncidentStoreContract {
    @TempDir
    Path dataDir;

    private JdbcSettings settings;
    private JdbcDatabase database;
    private final List<JdbcDatabase> others = new ArrayList<>();

    @Override
    protected IncidentStore newStore() {
        settings = new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8);
        database = JdbcDatabase.open(settings);
        return database.incidents();
    }

    /** Another {@code JdbcDatabase} on the same file: its own pool and store. */
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
