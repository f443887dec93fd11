package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ledger.subject.SubjectKey;
import io.pactum.core.ledger.subject.SubjectKeyStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subject key store contract on the embedded default: an H2 file database per test. */
class H2SubjectKeyStoreTest extends SubjectKeyStoreContract {
    @TempDir
    Path dataDir;

    private JdbcSettings settings;
    private JdbcDatabase database;
    private JdbcDatabase another;

    @Override
    protected SubjectKeyStore newStore() {
        settings = new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8);
        database = JdbcDatabase.open(settings);
        return database.subjectKeys();
    }

    /** Another {@code JdbcDatabase} on the same file: its own pool and store. */
    @Override
    protected SubjectKeyStore anotherStoreOverTheSameDatabase() {
        another = JdbcDatabase.open(settings);
        return another.subjectKeys();
    }

    @Test
    void erasure_survivesClosingAndOpeningTheDatabase() {
        database.subjectKeys().createIfAbsent(new SubjectKey("key-1", "subject-1", new byte[] {1, 2, 3}, Instant.EPOCH));
        database.subjectKeys().erase("subject-1");

        database.close();
        database = JdbcDatabase.open(settings);

        assertThat(database.subjectKeys().findByKeyId("key-1")).isEmpty();
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
