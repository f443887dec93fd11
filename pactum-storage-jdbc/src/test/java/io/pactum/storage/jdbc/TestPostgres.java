package io.pactum.storage.jdbc;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Starts a real PostgreSQL from the zonky binaries on Maven Central. PostgreSQL refuses to run as
 * root, and CI runs as root: then the binaries are repackaged so that {@code initdb} and
 * {@code pg_ctl} are small scripts that hand the data directory to the unprivileged user
 * {@code nobody} and run the real programs as that user (util-linux {@code setpriv}).
 */
final class TestPostgres {
    private TestPostgres() {}

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres shared;

    /**
     * A new, empty database on a server shared by every test class of this JVM (started on first
     * use, stopped when the JVM ends): starting PostgreSQL costs seconds, a database milliseconds.
     */
    static synchronized JdbcSettings newDatabase(String prefix) {
        try {
            if (shared == null) {
                EmbeddedPostgres server = start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is ending; nothing left to clean up for
                    }
                }, "embedded-postgres-stop"));
                shared = server;
            }
            return new JdbcSettings(createDatabase(shared, prefix + "_" + DATABASES.incrementAndGet()), "postgres", null, 4);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot provide a PostgreSQL test database", e);
        }
    }

    static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (runsAsRoot()) {
            builder.setPgBinaryResolver(UnprivilegedBinaries.INSTANCE);
        }
        return builder.start();
    }

    /** A new, empty database on the server; returns its JDBC URL. */
    static String createDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    private static boolean runsAsRoot() throws IOException {
        Path self = Path.of("/proc/self");
        return Files.exists(self) && Integer.valueOf(0).equals(Files.getAttribute(self, "unix:uid"));
    }

    /** One instance: zonky unpacks binaries once per resolver instance and JVM. */
    private static final class UnprivilegedBinaries implements PgBinaryResolver {
        static final UnprivilegedBinaries INSTANCE = new UnprivilegedBinaries();
        private static final String[] WRAPPED = {"bin/initdb", "bin/pg_ctl"};

        private byte[] archive;

        @Override
        public synchronized InputStream getPgBinary(String system, String machineHardware) throws IOException {
            if (archive == null) {
                try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
                    archive = repackage(original);
                }
            }
            return new ByteArrayInputStream(archive);
        }

        private static byte[] repackage(InputStream original) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 << 20);
            // preset 0: the archive only lives in memory and the temp directory, so speed beats size
            try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
                    TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(0)))) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                    if (isWrapped(name)) {
                        entry.setName(name + ".real");
                        addScript(out, name, wrapperScript(name.substring("bin/".length())));
                    }
                    out.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        in.transferTo(out);
                    }
                    out.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        }

        private static boolean isWrapped(String name) {
            for (String wrapped : WRAPPED) {
                if (wrapped.equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private static void addScript(TarArchiveOutputStream out, String name, String script) throws IOException {
            byte[] content = script.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode(0755);
            entry.setSize(content.length);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }

        private static String wrapperScript(String program) {
            return """
                    #!/bin/sh
                    # PostgreSQL refuses to run as root: run %1$s as 'nobody', owning the data directory (-D).
                    real="$(dirname "$0")/%1$s.real"
                    [ "$(id -u)" = 0 ] || exec "$real" "$@"
                    data=""
                    previous=""
                    for arg in "$@"; do
                      [ "$previous" = "-D" ] && data="$arg"
                      previous="$arg"
                    done
                    if [ -n "$data" ]; then chown -R nobody "$data" || exit 1; fi
                    exec setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups "$real" "$@"
                    """.formatted(program);
        }
    }
}
