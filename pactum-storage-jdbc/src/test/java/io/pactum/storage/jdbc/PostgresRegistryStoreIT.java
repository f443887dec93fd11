package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.RegistryStoreContract;
import io.pactum.core.registry.RegistryStores;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL 17: a new database per test on the shared server. */
class PostgresRegistryStoreIT extends RegistryStoreContract {
    private JdbcDatabase database;

    private static JdbcSettings newDatabase() {
        return TestPostgres.newDatabase("contract");
    }

    @Override
    protected RegistryStores newStores() {
        database = JdbcDatabase.open(newDatabase());
        return database.stores();
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void open_againOnAMigratedDatabase_keepsTheDataAndSchema() {
        JdbcSettings settings = newDatabase();
        Organisation acme = new Organisation("acme", "Acme", OrganisationRole.SUPPLIER,
                Instant.parse("2025-01-01T00:00:00.000001Z"));
        try (JdbcDatabase first = JdbcDatabase.open(settings)) {
            first.stores().organisations().insert(acme);
        }

        try (JdbcDatabase second = JdbcDatabase.open(settings); JdbcDatabase concurrent = JdbcDatabase.open(settings)) {
            assertThat(second.stores().organisations().list()).containsExactly(acme);
            assertThat(concurrent.isReady()).isTrue();
        }
    }

    @Test
    void isReady_whenServerAnswers_isTrue_andAfterClose_isFalse() {
        JdbcDatabase opened = JdbcDatabase.open(newDatabase());
        assertThat(opened.isReady()).isTrue();

        opened.close();

        assertThat(opened.isReady()).isFalse();
    }
}
