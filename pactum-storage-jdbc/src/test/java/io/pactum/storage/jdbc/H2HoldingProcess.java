package io.pactum.storage.jdbc;

import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a separate JVM by {@link JdbcDatabaseTest}: opens the H2 database under the given data
 * directory and says so, commits one organisation when a line arrives on standard input, says so
 * and waits to be killed.
 */
public final class H2HoldingProcess {
    static final String OPEN = "OPEN";
    static final String COMMITTED = "COMMITTED";

    private H2HoldingProcess() {}

    public static void main(String[] args) throws Exception {
        JdbcDatabase database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(Path.of(args[0])), null, null, 2));
        System.out.println(OPEN);
        System.out.flush();
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        database.stores().organisations().insert(new Organisation(args[1], "Org " + args[1], OrganisationRole.PARTNER,
                Instant.parse("2025-01-01T00:00:00Z")));
        System.out.println(COMMITTED);
        System.out.flush();
        Thread.sleep(120_000);
        System.exit(1); // the test should have killed this process long before
    }
}
