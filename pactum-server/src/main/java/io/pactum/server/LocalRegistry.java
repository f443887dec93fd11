package io.pactum.server;

import io.pactum.core.integrity.HubSigner;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.security.MicrosecondClock;
import io.pactum.core.security.SecretBox;
import io.pactum.core.security.SecretHasher;
import io.pactum.core.service.Registry;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** The database, the master key and the registry over them: what the hub and the local CLI commands share. */
public final class LocalRegistry implements AutoCloseable {
    /** The databases keep microseconds; a clock of the same precision makes what is stored equal what was returned. */
    private static final Clock MICROSECOND_CLOCK = MicrosecondClock.UTC;

    private final JdbcDatabase database;
    private final Registry registry;
    private final SecretHasher hasher;
    private final HubSigner hubSigner;
    private final SecretBox secretBox;
    private final Pseudonymiser pseudonymiser;

    private LocalRegistry(JdbcDatabase database, Registry registry, SecretHasher hasher, HubSigner hubSigner,
            SecretBox secretBox, Pseudonymiser pseudonymiser) {
        this.database = database;
        this.registry = registry;
        this.hasher = hasher;
        this.hubSigner = hubSigner;
        this.secretBox = secretBox;
        this.pseudonymiser = pseudonymiser;
    }

    public static LocalRegistry open(PactumConfig config) {
        Objects.requireNonNull(config, "config");
        createDataDirectory(config);
        String url = config.dbUrl().orElseGet(() -> JdbcDatabase.h2FileUrl(config.dataDir()));
        JdbcDatabase database = JdbcDatabase.open(new JdbcSettings(url, config.dbUser().orElse(null),
                config.dbPassword().orElse(null), config.dbPoolSize()));
        try {
            SecretHasher hasher = new SecretHasher(config.secretHashIterations());
            SecretBox masterKey = masterKey(config, database);
            Registry registry = Registry.create(database.stores(), hasher, masterKey, MICROSECOND_CLOCK);
            Path keys = config.dataDir().resolve("keys");
            HubSigner hubSigner = HubKey.loadOrCreate(keys.resolve("hub-signing-key.json"), masterKey);
            Pseudonymiser pseudonymiser = PseudonymKey.loadOrCreate(keys.resolve("pseudonym-keyset.json"), masterKey);
            return new LocalRegistry(database, registry, hasher, hubSigner, masterKey, pseudonymiser);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Registry registry() {
        return registry;
    }

    public JdbcDatabase database() {
        return database;
    }

    /** The hub's signing key (commands to devices). */
    public HubSigner hubSigner() {
        return hubSigner;
    }

    /** Seals secrets kept at rest under the master key. */
    public SecretBox secretBox() {
        return secretBox;
    }

    /** Recipients' keyed pseudonyms. */
    public Pseudonymiser pseudonymiser() {
        return pseudonymiser;
    }

    public SecretHasher hasher() {
        return hasher;
    }

    /** The clock every component of this hub shares, at the precision the database keeps. */
    public Clock clock() {
        return MICROSECOND_CLOCK;
    }

    @Override
    public void close() {
        database.close();
    }

    private static void createDataDirectory(PactumConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir()
                    + "; set pactum.data-dir (--data-dir) to a writable directory", e);
        }
    }

    /**
     * Loads the master key, or creates it on a new hub. A hub that already holds data but lost its
     * key must not silently get a new one: every sealed device key would become unreadable.
     */
    private static SecretBox masterKey(PactumConfig config, JdbcDatabase database) {
        if (MasterKey.exists(config.masterKeyFile())) {
            return MasterKey.load(config.masterKeyFile());
        }
        if (!database.stores().organisations().list().isEmpty()) {
            throw new IllegalStateException("the master key file " + config.masterKeyFile()
                    + " is missing but the database already holds data; restore the key from backup"
                    + " or point pactum.security.master-key-file at it");
        }
        return MasterKey.create(config.masterKeyFile());
    }
}
