package io.pactum.storage.jdbc;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.ingest.RecordStore;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.integrity.ReplayWindow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Records and replay windows over JDBC; a record and its window commit together. */
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

    JdbcRecordStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void appendAll(List<Append> appends) {
        Objects.requireNonNull(appends, "appends");
        if (appends.isEmpty()) {
            return;
        }
        try {
            jdbc.inTransaction(c -> {
                insertAll(c, appends);
                for (Append append : appends) {
                    if (append.window() != null) {
                        saveWindow(c, append.deviceId(), append.window());
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw new InvalidInputException("deviceId", "a device or its product does not exist");
            }
            throw SqlErrors.failure("store device records", e);
        }
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
