package io.pactum.storage.jdbc;

import io.pactum.core.ledger.subject.SubjectKeyStore;
import org.junit.jupiter.api.AfterEach;

/** The subject key store contract on a real PostgreSQL: a new database per test on the shared server. */
class PostgresSubjectKeyStoreIT extends SubjectKeyStoreContract {
    private JdbcSettings settings;
    private JdbcDatabase database;
    private JdbcDatabase another;

    @Override
    protected SubjectKeyStore newStore() {
        JdbcSettings created = TestPostgres.newDatabase("subject_keys");
        settings = new JdbcSettings(created.url(), created.user(), created.password(), 8);
        database = JdbcDatabase.open(settings);
        return database.subjectKeys();
    }

    /** Another {@code JdbcDatabase} on the same database: its own pool and store, as on a second hub node. */
    @Override
    protected SubjectKeyStore anotherStoreOverTheSameDatabase() {
        another = JdbcDatabase.open(settings);
        return another.subjectKeys();
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
