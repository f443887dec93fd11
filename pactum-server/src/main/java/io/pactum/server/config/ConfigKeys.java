package io.pactum.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every configuration key of the hub, one prefix per module. */
public final class ConfigKeys {
    public static final ConfigKey<Path> DATA_DIR = ConfigKey.of("pactum.data-dir", "data",
            "Directory for the embedded database, the master key and other local state.", Parsers.path());

    public static final ConfigKey<Optional<String>> DB_URL = ConfigKey.of("pactum.db.url", "",
            "JDBC URL of the database: jdbc:postgresql://host:5432/pactum for PostgreSQL;"
                    + " empty for the embedded H2 database in the data directory.",
            Parsers.jdbcUrl());
    public static final ConfigKey<Optional<String>> DB_USER = ConfigKey.of("pactum.db.user", "",
            "Database user; empty for the embedded H2 database.", Parsers.optionalText());
    public static final ConfigKey<Optional<String>> DB_PASSWORD = ConfigKey.secret("pactum.db.password",
            "Database password; never printed. Prefer the environment variable to the file.",
            Parsers.optionalText());
    public static final ConfigKey<Integer> DB_POOL_SIZE = ConfigKey.of("pactum.db.pool-size", "10",
            "Maximum number of database connections.", Parsers.integer(1, 200));

    public static final ConfigKey<String> HTTP_HOST = ConfigKey.of("pactum.http.host", "127.0.0.1",
            "Address the REST API listens on; loopback by default, 0.0.0.0 for every interface.", Parsers.host());
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of("pactum.http.port", "8480",
            "Port of the REST API; 0 picks a free port, which is printed at start.", Parsers.integer(0, 65535));
    public static final ConfigKey<Integer> HTTP_MAX_BODY_BYTES = ConfigKey.of("pactum.http.max-body-bytes",
            "1048576", "Largest request body the API accepts; larger ones get 413.",
            Parsers.integer(1024, 64 * 1024 * 1024));

    public static final ConfigKey<Integer> SECRET_HASH_ITERATIONS = ConfigKey.of(
            "pactum.security.secret-hash-iterations", "600000",
            "PBKDF2-HMAC-SHA256 work factor for device secrets; existing hashes keep their own.",
            Parsers.integer(10_000, 10_000_000));
    public static final ConfigKey<Optional<Path>> MASTER_KEY_FILE = ConfigKey.of("pactum.security.master-key-file",
            "", "Tink keyset that seals device MAC keys at rest; empty for keys/master-keyset.json in the"
                    + " data directory. Generated on first start if missing; keep it secret and backed up.",
            Parsers.optionalPath());

    public static final List<ConfigKey<?>> ALL = List.of(DATA_DIR, DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE,
            HTTP_HOST, HTTP_PORT, HTTP_MAX_BODY_BYTES, SECRET_HASH_ITERATIONS, MASTER_KEY_FILE);

    private ConfigKeys() {}

    public static Optional<ConfigKey<?>> byName(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
