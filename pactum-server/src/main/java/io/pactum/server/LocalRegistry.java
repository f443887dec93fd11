package io.pactum.server;

import io.pactum.core.integrity.HubSigner;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.subject.SubjectSealer;
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
import java.security.KeyPair;
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
    private final HubLedger ledger;

    private LocalRegistry(JdbcDatabase database, Registry registry, SecretHasher hasher, KeyPair hubKey,
            SecretBox secretBox, Pseudonymiser pseudonymiser, HubLedger ledger) {
        this.database = database;
        this.registry = registry;
        this.hasher = hasher;
        this.hubSigner = new HubSigner(hubKey.getPrivate(), hubKey.getPublic());
        this.secretBox = secretBox;
        this.pseudonymiser = pseudonymiser;
        this.ledger = ledger;
    }

    public static LocalRegistry open(PactumConfig config) {
        Objects.requireNonNull(config, "config");
        createDataDirectory(config);
        JdbcDatabase database = openDatabase(config);
        HubLedger ledger = null;
        try {
            SecretHasher hasher = new SecretHasher(config.secretHashIterations());
            boolean holdsData = !database.stores().organisations().list().isEmpty();
            SecretBox masterKey = masterKey(config, holdsData);
            Path keys = config.dataDir().resolve("keys");
            KeyPair hubKey = HubKey.loadOrCreate(requireUnlessFirstStart(keys.resolve("hub-signing-key.json"),
                    "hub signing key", "checkpoints and commands signed so far would no longer verify", holdsData),
                    masterKey);
            Pseudonymiser pseudonymiser = PseudonymKey.loadOrCreate(requireUnlessFirstStart(
                    keys.resolve("pseudonym-keyset.json"), "pseudonym keyset",
                    "every pseudonym partners know would change", holdsData), masterKey);
            SubjectSealer sealer = new SubjectSealer(database.subjectKeys(), masterKey);
            ledger = HubLedger.open(database, sealer,
                    new NoteSigner(config.ledger().origin(), hubKey.getPrivate(), hubKey.getPublic()), MICROSECOND_CLOCK);
            Registry registry = Registry.create(database.stores(), hasher, masterKey, MICROSECOND_CLOCK, ledger.ledger());
            return new LocalRegistry(database, registry, hasher, hubKey, masterKey, pseudonymiser, ledger);
        } catch (RuntimeException e) {
            if (ledger != null) {
                ledger.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * The configured database alone, without the keys: for tools that only read, such as the
     * ledger's verification, which must not need the master key.
     */
    public static JdbcDatabase openDatabase(PactumConfig config) {
        String url = config.dbUrl().orElseGet(() -> JdbcDatabase.h2FileUrl(config.dataDir()));
        return JdbcDatabase.open(new JdbcSettings(url, config.dbUser().orElse(null),
                config.dbPassword().orElse(null), config.dbPoolSize()));
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

    /** The audit ledger, which every accountable action of this hub (and of local commands) goes to. */
    public Ledger ledger() {
        return ledger.ledger();
    }

    /** Seals, opens and shreds the personal details of ledger entries. */
    public SubjectSealer subjectSealer() {
        return ledger.sealer();
    }

    /** Signs the ledger's checkpoints with the hub's key. */
    public LedgerCheckpoints checkpoints() {
        return ledger.checkpoints();
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
        ledger.close();
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
    private static SecretBox masterKey(PactumConfig config, boolean holdsData) {
        if (MasterKey.exists(config.masterKeyFile())) {
            return MasterKey.load(config.masterKeyFile());
        }
        if (holdsData) {
            throw new IllegalStateException("the master key file " + config.masterKeyFile()
                    + " is missing but the database already holds data; restore the key from backup"
                    + " or point pactum.security.master-key-file at it");
        }
        return MasterKey.create(config.masterKeyFile());
    }

    /**
     * A key file is created on a hub's first start only: once the database holds data, a missing key
     * file is a lost or unrestored one, and a new key would silently break what the old one made.
     */
    private static Path requireUnlessFirstStart(Path file, String what, String consequence, boolean holdsData) {
        if (holdsData && !Files.isRegularFile(file)) {
            throw new IllegalStateException("the " + what + " file " + file + " is missing but the database already"
                    + " holds data; restore it from the backup of the keys directory (a new key would mean "
                    + consequence + ")");
        }
        return file;
    }
}
