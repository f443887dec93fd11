package io.pactum.storage.jdbc;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.ingest.RecordStore;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.ReplayWindow;
import io.pactum.core.ledger.Ledger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Records and replay windows over JDBC; a record, its window and the outbox entries that release it
 * commit together.
 *
 * <p>Outbox event ids must become visible in increasing order ({@link io.pactum.core.delivery.OutboxStore}):
 * a reader that saw id n and moved its cursor there must never find a smaller id later. An identity
 * column alone does not give that: ids are taken at insert, and a transaction that took a smaller id
 * may commit after one that took a larger. So the transactions that insert outbox entries are
 * serialised from just before their first outbox insert until after their commit:
 * <ul>
 *   <li>within the process by {@link #outboxCommitOrder}, a JVM lock with no timeout (one per
 *       {@link JdbcDatabase}, shared by its record stores), so that only one transaction at a time
 *       ever waits for the database lock below;
 *   <li>in the database by a row lock on the single row of {@code outbox_lock}, taken after the JVM
 *       lock and held until commit, so the order holds also when several hub nodes (or several
 *       {@code JdbcDatabase} instances) share one database.
 * </ul>
 * The records and windows are written before either lock is taken, so only the outbox inserts and
 * the commit are serialised; with group commit ({@code GroupCommitRecordStore}) that is one short
 * critical section per batch of messages.
 */
final class JdbcRecordStore implements RecordStore {
    private static final SqlStatements SQL = SqlStatements.load("records.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST_BY_DEVICE = SQL.get("listByDevice");
    private static final String DELETE_RECEIVED_BEFORE = SQL.get("deleteReceivedBefore");
    private static final String FIND_WINDOW = SQL.get("findWindow");
    private static final String UPDATE_WINDOW = SQL.get("updateWindow");
    private static final String INSERT_WINDOW = SQL.get("insertWindow");

    private final Jdbc jdbc;
    /** Where the appends' audit events go, in their transaction; null for a store that takes none. */
    private final @Nullable Ledger ledger;
    /**
     * Held from just before a transaction's first outbox insert until after its commit or rollback;
     * one per database, shared by every record store over it.
     */
    private final ReentrantLock outboxCommitOrder;

    JdbcRecordStore(Jdbc jdbc, ReentrantLock outboxCommitOrder, @Nullable Ledger ledger) {
        this.jdbc = jdbc;
        this.outboxCommitOrder = outboxCommitOrder;
        this.ledger = ledger;
    }

    @Override
    public void appendAll(List<Append> appends) {
        Objects.requireNonNull(appends, "appends");
        if (appends.isEmpty()) {
            return;
        }
        try {
            write(appends);
        } catch (SQLException e) {
            throw translate(appends, e);
        }
    }

    /**
     * Records, then windows, then (holding the outbox locks, see the class comment) the outbox
     * entries, then the audit events as ledger entries (holding the ledger's order until the commit
     * has returned), in one transaction: a release and its ledger entry are durable together.
     */
    private void write(List<Append> appends) throws SQLException {
        boolean releases = appends.stream().anyMatch(append -> !append.deliveries().isEmpty());
        // sealing may read or create a subject's key: done before the transaction and its locks
        List<AuditEvent> audit = audit(appends);
        List<Ledger.Staged> staged = new ArrayList<>(1);
        try {
            jdbc.inTransaction(c -> {
                insertAll(c, appends);
                for (Append append : appends) {
                    if (append.window() != null) {
                        saveWindow(c, append.deviceId(), append.window());
                    }
                }
                if (releases) {
                    outboxCommitOrder.lock();
                    Jdbc.query(c, JdbcOutboxStore.LOCK, s -> { }, row -> Boolean.TRUE);
                    insertDeliveries(c, appends);
                }
                if (!audit.isEmpty()) {
                    staged.add(requireLedger().stage(audit));
                    JdbcLedgerStore.insertInTransaction(c, Objects.requireNonNull(staged.get(0).batch()));
                }
                return null;
            });
            staged.forEach(Ledger.Staged::committed);
        } finally {
            staged.forEach(Ledger.Staged::close);
            if (outboxCommitOrder.isHeldByCurrentThread()) {
                outboxCommitOrder.unlock();
            }
        }
    }

    /** The appends' audit events, sealed as the ledger keeps them. */
    private List<AuditEvent> audit(List<Append> appends) {
        List<AuditEvent> events = new ArrayList<>();
        for (Append append : appends) {
            events.addAll(append.audit());
        }
        return events.isEmpty() ? events : requireLedger().seal(events);
    }

    private Ledger requireLedger() {
        if (ledger == null) {
            throw new IllegalStateException("audit events need the record store that writes to the ledger");
        }
        return ledger;
    }

    /** A missing parent is the caller's mistake: say which; anything else is the database's. */
    private RuntimeException translate(List<Append> appends, SQLException e) {
        if (!SqlErrors.isForeignKeyViolation(e)) {
            return SqlErrors.failure("store device records", e);
        }
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> agreements = new LinkedHashSet<>();
        for (Append append : appends) {
            for (OutboxEntry entry : append.deliveries()) {
                recipients.add(entry.recipientId());
                agreements.add(entry.agreementId());
            }
        }
        try {
            for (String recipientId : recipients) {
                if (!jdbc.exists(JdbcOrganisationStore.EXISTS, recipientId)) {
                    return new InvalidInputException("recipientId",
                            "organisation '" + recipientId + "' does not exist");
                }
            }
            for (String agreementId : agreements) {
                if (!jdbc.exists(JdbcAgreementStore.EXISTS, agreementId)) {
                    return new InvalidInputException("agreementId", "agreement '" + agreementId + "' does not exist");
                }
            }
        } catch (SQLException again) {
            return SqlErrors.failure("check device records", again);
        }
        return new InvalidInputException("deviceId", "a device or its product does not exist");
    }

    @Override
    public ReplayWindow replayWindow(String deviceId) {
        Objects.requireNonNull(deviceId, "deviceId");
        try {
            return jdbc.queryOne(FIND_WINDOW, s -> s.setString(1, deviceId),
                    row -> new ReplayWindow(row.getLong("highest"), row.getLong("bitmap")))
                    .orElse(ReplayWindow.EMPTY);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a replay window", e);
        }
    }

    @Override
    public void saveReplayWindow(String deviceId, ReplayWindow window) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(window, "window");
        try {
            jdbc.inTransaction(c -> {
                saveWindow(c, deviceId, window);
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("store a replay window", e);
        }
    }

    @Override
    public Optional<CanonicalRecord> find(String recordId) {
        Objects.requireNonNull(recordId, "recordId");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, recordId), JdbcRecordStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a device record", e);
        }
    }

    @Override
    public List<CanonicalRecord> listByDevice(String deviceId, Instant from, Instant to, int limit) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        try {
            return jdbc.query(LIST_BY_DEVICE, s -> {
                s.setString(1, deviceId);
                Jdbc.setInstant(s, 2, from);
                Jdbc.setInstant(s, 3, to);
                s.setInt(4, limit);
            }, JdbcRecordStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list device records", e);
        }
    }

    @Override
    public int deleteReceivedBefore(String productId, Instant cutoff) {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(cutoff, "cutoff");
        try {
            return jdbc.update(DELETE_RECEIVED_BEFORE, s -> {
                s.setString(1, productId);
                Jdbc.setInstant(s, 2, cutoff);
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("delete expired device records", e);
        }
    }

    /** One batched statement for every record of every append: one round trip, not one per record. */
    private static void insertAll(Connection c, List<Append> appends) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Append append : appends) {
                for (CanonicalRecord record : append.records()) {
                    bind(s, record);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** One batched statement for every outbox entry of every append, in the given order. */
    private static void insertDeliveries(Connection c, List<Append> appends) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(JdbcOutboxStore.INSERT)) {
            for (Append append : appends) {
                for (OutboxEntry entry : append.deliveries()) {
                    JdbcOutboxStore.bind(s, entry);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, CanonicalRecord record) throws SQLException {
        s.setString(1, record.id());
        s.setString(2, record.deviceId());
        s.setString(3, record.productId());
        s.setString(4, record.subjectId());
        s.setString(5, record.channel().name());
        Jdbc.setInstant(s, 6, record.time());
        Jdbc.setInstant(s, 7, record.receivedAt());
        s.setString(8, RecordFieldsJson.write(record.fields()));
        s.setString(9, record.provenance().adapter());
        s.setString(10, record.provenance().integrity().name());
        if (record.provenance().counter() == null) {
            s.setNull(11, Types.BIGINT);
        } else {
            s.setLong(11, record.provenance().counter());
        }
        s.setBoolean(12, record.flagged());
    }

    /** Update, else insert: portable across H2 and PostgreSQL; callers serialise per device. */
    private static void saveWindow(Connection c, String deviceId, ReplayWindow window) throws SQLException {
        Jdbc.Binder bind = s -> {
            s.setLong(1, window.highest());
            s.setLong(2, window.bitmap());
            s.setString(3, deviceId);
        };
        if (Jdbc.update(c, UPDATE_WINDOW, bind) == 0) {
            Jdbc.update(c, INSERT_WINDOW, bind);
        }
    }

    private static CanonicalRecord map(ResultSet row) throws SQLException {
        long counter = row.getLong("counter");
        Long counterOrNull = row.wasNull() ? null : counter;
        return new CanonicalRecord(
                row.getString("id"),
                row.getString("device_id"),
                row.getString("product_id"),
                row.getString("subject_id"),
                Channel.valueOf(row.getString("channel")),
                Jdbc.getRequiredInstant(row, "measured_at"),
                Jdbc.getRequiredInstant(row, "received_at"),
                RecordFieldsJson.read(row.getString("fields")),
                new Provenance(row.getString("adapter"), IntegrityMethod.valueOf(row.getString("integrity")),
                        counterOrNull),
                row.getBoolean("flagged"));
    }
}
