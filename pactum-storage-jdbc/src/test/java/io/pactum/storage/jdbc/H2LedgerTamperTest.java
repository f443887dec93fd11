package io.pactum.storage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Tampering with the ledger in the embedded default: an H2 file database per test. */
class H2LedgerTamperTest extends LedgerTamperContract {
    @TempDir
    Path dataDir;

    @Override
    protected JdbcSettings newDatabase() {
        return new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4);
    }
}
