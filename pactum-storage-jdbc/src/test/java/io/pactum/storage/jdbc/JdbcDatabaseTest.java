package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcDatabaseTest {
    @TempDir
    Path dataDir;

    private JdbcSettings h2() {
        return new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 2);
    }

    private static Organisation acme() {
        return new Organisation("acme", "Acme", OrganisationRole.SUPPLIER, Instant.parse("2025-01-01T00:00:00.000001Z"));
    }

    @Test
    void open_againOnTheSameDataDir_keepsTheDataAndDoesNotMigrateTwice() {
        try (JdbcDatabase first = JdbcDatabase.open(h2())) {
            first.stores().organisations().insert(acme());
        }

        try (JdbcDatabase second = JdbcDatabase.open(h2())) {
            assertThat(second.stores().organisations().list()).containsExactly(acme());
            assertThat(second.isReady()).isTrue();
        }
    }

    @Test
    void insert_withNanosecondInstant_keepsMicroseconds() {
        try (JdbcDatabase database = JdbcDatabase.open(h2())) {
            Instant precise = Instant.parse("2025-01-01T00:00:00.123456789Z");
            database.stores().organisations().insert(new Organisation("o", "O", OrganisationRole.PARTNER, precise));

            assertThat(database.stores().organisations().find("o").orElseThrow().createdAt())
                    .isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
        }
    }

    @Test
    void isReady_afterClose_isFalse() {
        JdbcDatabase database = JdbcDatabase.open(h2());
        assertThat(database.isReady()).isTrue();

        database.close();

        assertThat(database.isReady()).isFalse();
    }

    @Test
    void settings_whenUrlIsNotH2OrPostgres_failWithTheAcceptedForms() {
        assertThatThrownBy(() -> new JdbcSettings("jdbc:mysql://db/pactum", null, null, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:h2:");
    }

    @Test
    void settings_whenPoolSizeOutOfRange_failNamingTheRange() {
        assertThatThrownBy(() -> new JdbcSettings("jdbc:h2:mem:x", null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 1000");
    }

    @Test
    void settings_toString_hidesThePassword() {
        JdbcSettings settings = new JdbcSettings("jdbc:postgresql://db/p?password=hunter2", "pactum", "s3cret", 2);

        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("s3cret");
    }

    @Test
    void open_whenServerUnreachable_failsSayingWhatToCheck_withoutCredentials() {
        JdbcSettings settings = new JdbcSettings("jdbc:postgresql://127.0.0.1:1/pactum?password=hunter2",
                "pactum", "s3cret", 2);

        assertThatThrownBy(() -> JdbcDatabase.open(settings))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot open the database at jdbc:postgresql://127.0.0.1:1/pactum")
                .hasMessageContaining("check the host and port")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void open_whenSchemaWasMadeByHandWithoutHistory_failsSayingMigrationFailed() throws Exception {
        String url = JdbcDatabase.h2FileUrl(dataDir);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE organisations (id VARCHAR(64) PRIMARY KEY)");
        }

        assertThatThrownBy(() -> JdbcDatabase.open(h2()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot migrate the database");
    }

    @Test
    void open_whileAnotherProcessHoldsTheFile_failsClearly_andAKilledProcessLosesNoCommit() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                H2HoldingProcess.class.getName(), dataDir.toString(), "killed-writer")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            awaitLine(output, H2HoldingProcess.OPEN);

            assertThatThrownBy(() -> JdbcDatabase.open(h2()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("another process has this database open");

            holder.getOutputStream().write("write\n".getBytes(StandardCharsets.UTF_8));
            holder.getOutputStream().flush();
            awaitLine(output, H2HoldingProcess.COMMITTED);
            // killed at once: a commit still waiting for a delayed write would be lost now
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (JdbcDatabase reopened = JdbcDatabase.open(h2())) {
            assertThat(reopened.stores().organisations().find("killed-writer")).isPresent();
        }
    }

    private static void awaitLine(BufferedReader output, String expected) throws java.io.IOException {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null && !line.equals(expected)) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("holder output:%n%s", seen).isEqualTo(expected);
    }
}
