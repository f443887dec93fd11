package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ledger.LedgerStore;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.merkle.Hash;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger store contract on the embedded default: an H2 file database per test. */
class H2LedgerStoreTest extends LedgerStoreContract {
    @TempDir
    Path dataDir;

    private JdbcSettings settings;
    private JdbcDatabase database;
    private JdbcDatabase another;

    @Override
    protected LedgerStore newStore() {
        settings = new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8);
        database = JdbcDatabase.open(settings);
        return database.ledger();
    }

    /** Another {@code JdbcDatabase} on the same file: its own pool and store. */
    @Override
    protected LedgerStore anotherStoreOverTheSameDatabase() {
        another = JdbcDatabase.open(settings);
        return another.ledger();
    }

    @Test
    void entries_surviveClosingAndOpeningTheDatabase() {
        Hash leaf = Hash.of(new byte[Hash.SIZE]);
        database.ledger().append(List.of(new StoredEntry(0, new byte[] {1, 2, 3}, leaf)), List.of());

        database.close();
        database = JdbcDatabase.open(settings);

        assertThat(database.ledger().size()).isEqualTo(1);
        assertThat(database.ledger().read(0, 1).get(0).encoded()).containsExactly(1, 2, 3);
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
