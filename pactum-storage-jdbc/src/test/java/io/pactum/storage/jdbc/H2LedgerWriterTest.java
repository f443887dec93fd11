package io.pactum.storage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ledger writer on the embedded default: an H2 file database per test. */
class H2LedgerWriterTest extends LedgerWriterContract {
    @TempDir
    Path dataDir;

    @Override
    protected JdbcDatabase newDatabase() {
        return JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 8));
    }
}
