package io.pactum.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.pactum.core.command.CommandStore;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.delivery.WebhookStore;
import io.pactum.core.incident.IncidentStore;
import io.pactum.core.ingest.RecordStore;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerStore;
import io.pactum.core.ledger.subject.SubjectKeyStore;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.AgreementStore;
import io.pactum.core.sharing.ConsentStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC back end: a HikariCP pool, the schema brought up to date by Flyway at open, and the
 * registry stores over it. Instants are kept to the microsecond, the precision both databases
 * store; a clock that ticks in microseconds keeps what services return equal to what they read back.
 */
public final class JdbcDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final int READY_CHECK_SECONDS = 2;

    private final HikariDataSource pool;
    private final RegistryStores stores;
    private final RecordStore records;
    private final CommandStore commands;
    private final AgreementStore agreements;
    private final ConsentStore consents;
    private final OutboxStore outbox;
    private final WebhookStore webhooks;
    private final LedgerStore ledger;
    private final SubjectKeyStore subjectKeys;
    private final IncidentStore incidents;
    private final Jdbc jdbc;
    /** Orders the transactions that insert outbox entries, across every record store of this database. */
    private final ReentrantLock outboxCommitOrder = new ReentrantLock();

    private JdbcDatabase(HikariDataSource pool) {
        this.pool = pool;
        Jdbc jdbc = new Jdbc(pool);
        this.stores = new RegistryStores(
                new JdbcOrganisationStore(jdbc),
                new JdbcApiClientStore(jdbc),
                new JdbcProductStore(jdbc),
                new JdbcDeviceStore(jdbc),
                new JdbcDataSubjectStore(jdbc),
                new JdbcDeviceGroupStore(jdbc));
        this.jdbc = jdbc;
        this.records = new JdbcRecordStore(jdbc, outboxCommitOrder, null);
        this.commands = new JdbcCommandStore(jdbc);
        this.agreements = new JdbcAgreementStore(jdbc);
        this.consents = new JdbcConsentStore(jdbc);
        this.outbox = new JdbcOutboxStore(jdbc);
        this.webhooks = new JdbcWebhookStore(jdbc);
        this.ledger = new JdbcLedgerStore(jdbc);
        this.subjectKeys = new JdbcSubjectKeyStore(jdbc);
        this.incidents = new JdbcIncidentStore(jdbc);
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws StorageException if the database cannot be reached or migrated; the message says what to check
     */
    public static JdbcDatabase open(JdbcSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariDataSource pool = openPool(settings);
        try {
            migrate(pool, settings);
            return new JdbcDatabase(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * The embedded default: an H2 file database {@code pactum} under {@code dataDir}. Commits are
     * written to the file before they return ({@code WRITE_DELAY=0}), so a killed process loses
     * none; H2's file lock makes a second process fail to open it instead of sharing it. PostgreSQL
     * mode lets one SQL set serve both databases. H2 does not close the database in its own shutdown
     * hook ({@code DB_CLOSE_ON_EXIT=FALSE}): the hub's hook still writes (queued commits, ledger
     * entries, a last checkpoint) and closes the pool itself.
     */
    public static String h2FileUrl(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        String path = dataDir.toAbsolutePath().normalize().resolve("pactum").toString();
        if (path.contains(";")) {
            throw new IllegalArgumentException("the data directory path must not contain ';': " + dataDir);
        }
        return "jdbc:h2:file:" + path
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Commands sent to devices. */
    public CommandStore commands() {
        return commands;
    }

    /** Accepted device records and replay windows, without a ledger: appends carrying audit events are refused. */
    public RecordStore records() {
        return records;
    }

    /**
     * A record store whose transactions also write the appends' audit events to {@code ledger}
     * (which must keep its entries in this database): how the hub stores records, so that a release
     * and its ledger entry commit together.
     */
    public RecordStore recordsAuditedBy(Ledger ledger) {
        if (ledger.store() != this.ledger) {
            throw new IllegalArgumentException("the ledger must keep its entries in this database");
        }
        return new JdbcRecordStore(jdbc, outboxCommitOrder, ledger);
    }

    /** Data-sharing agreements. */
    public AgreementStore agreements() {
        return agreements;
    }

    /** The append-only log of consent receipts. */
    public ConsentStore consents() {
        return consents;
    }

    /**
     * The recipients' outboxes and their channels' cursors. Entries are written only through
     * {@link #records()}, with the records they release.
     */
    public OutboxStore outbox() {
        return outbox;
    }

    /** Webhooks and their dead letters. */
    public WebhookStore webhooks() {
        return webhooks;
    }

    /** The audit ledger's entries, kept subtree hashes and checkpoints. */
    public LedgerStore ledger() {
        return ledger;
    }

    /** Data subjects' keys, whose erasure crypto-shreds their ledger entries. */
    public SubjectKeyStore subjectKeys() {
        return subjectKeys;
    }

    /** Incidents and their timelines. */
    public IncidentStore incidents() {
        return incidents;
    }

    public RegistryStores stores() {
        return stores;
    }

    /** Whether a pooled connection answers now; cheap enough for a readiness probe. */
    public boolean isReady() {
        if (pool.isClosed()) {
            return false;
        }
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(READY_CHECK_SECONDS);
        } catch (SQLException e) {
            LOG.debug("Database not ready: SQLState {}", e.getSQLState());
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariDataSource openPool(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pactum-db");
        config.setJdbcUrl(settings.url());
        config.setDriverClassName(settings.isH2() ? "org.h2.Driver" : "org.postgresql.Driver");
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(5_000);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StorageException(cannotConnect(settings, e.getCause()));
        } catch (RuntimeException e) {
            // Hikari's own messages may quote the URL, which can hold a password
            throw new StorageException("cannot open the database at " + settings.redactedUrl() + " ("
                    + e.getClass().getSimpleName() + "); check the database URL");
        }
    }

    private static String cannotConnect(JdbcSettings settings, Throwable cause) {
        String where = "cannot open the database at " + settings.redactedUrl();
        if (!(cause instanceof SQLException sql)) {
            return where + "; check the database URL, user and password";
        }
        String hint;
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (SqlErrors.isDatabaseInUse(sql)) {
            hint = "another process has this database open; stop it, or give this one its own data directory";
        } else if (state.startsWith("28")) {
            hint = "check the database user and password";
        } else if (state.equals("3D000")) {
            hint = "create the database, or correct its name in the URL";
        } else if (state.startsWith("08")) {
            hint = "check the host and port in the URL and that the database server is running";
        } else {
            hint = "check the database URL, user and password";
        }
        return where + " (" + SqlErrors.describeForStartup(sql) + "); " + hint;
    }

    private static void migrate(HikariDataSource pool, JdbcSettings settings) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            // worth a line only when the schema changed; every CLI command that reads the database opens it
            String version = result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion;
            if (result.migrationsExecuted > 0) {
                LOG.info("Database {} migrated to schema version {} ({} migration(s) applied now)",
                        settings.redactedUrl(), version, result.migrationsExecuted);
            } else {
                LOG.debug("Database {} ready at schema version {}", settings.redactedUrl(), version);
            }
        } catch (FlywayException e) {
            throw new StorageException("cannot migrate the database at " + settings.redactedUrl() + ": "
                    + SqlErrors.redact(String.valueOf(e.getMessage()))
                    + "; if the schema was made by a newer Pactum or changed by hand, restore it or use that version");
        }
    }
}
