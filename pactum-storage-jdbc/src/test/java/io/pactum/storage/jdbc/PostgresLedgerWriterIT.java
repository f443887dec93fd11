package io.pactum.storage.jdbc;

/** The ledger writer on a real PostgreSQL: a new database per test on the shared server. */
class PostgresLedgerWriterIT extends LedgerWriterContract {
    @Override
    protected JdbcDatabase newDatabase() {
        JdbcSettings created = TestPostgres.newDatabase("ledgerwriter");
        return JdbcDatabase.open(new JdbcSettings(created.url(), created.user(), created.password(), 8));
    }
}
