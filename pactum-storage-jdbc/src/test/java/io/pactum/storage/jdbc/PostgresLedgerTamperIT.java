package io.pactum.storage.jdbc;

/** Tampering with the ledger in a real PostgreSQL: a new database per test on the shared server. */
class PostgresLedgerTamperIT extends LedgerTamperContract {
    @Override
    protected JdbcSettings newDatabase() {
        return TestPostgres.newDatabase("tamper");
    }
}
