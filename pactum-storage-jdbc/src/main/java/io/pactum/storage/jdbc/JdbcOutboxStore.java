package io.pactum.storage.jdbc;

import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.sharing.Purpose;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The recipients' outboxes and their channels' cursors over JDBC. Entries are written by
 * {@link JdbcRecordStore} with the records they release, which also keeps event ids visible in
 * increasing order (see there); this class reads them, keeps cursors and applies retention.
 */
final class JdbcOutboxStore implements OutboxStore {
    private static final SqlStatements SQL = SqlStatements.load("outbox.sql");
    /** Taken by every transaction that inserts entries, before its first insert, until it commits. */
    static final String LOCK = SQL.get("lock");
    static final String INSERT = SQL.get("insert");
    private static final String READ_AFTER = SQL.get("readAfter");
    private static final String LATEST_EVENT_ID = SQL.get("latestEventId");
    private static final String DELETE_CREATED_BEFORE = SQL.get("deleteCreatedBefore");
    private static final String FIND_CURSOR = SQL.get("findCursor");
    private static final String ADVANCE_CURSOR = SQL.get("advanceCursor");
    private static final String INSERT_CURSOR = SQL.get("insertCursor");
    static final String DELETE_CURSOR = SQL.get("deleteCursor");
    /** The length of the channel column. */
    static final int MAX_CHANNEL = 256;

    private final Jdbc jdbc;

    JdbcOutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Delivery> readAfter(String recipientId, long afterEventId, int limit) {
        Objects.requireNonNull(recipientId, "recipientId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        try {
            return jdbc.query(READ_AFTER, s -> {
                s.setString(1, recipientId);
                s.setLong(2, afterEventId);
                s.setInt(3, limit);
            }, JdbcOutboxStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an outbox", e);
        }
    }

    @Override
    public long latestEventId(String recipientId) {
        Objects.requireNonNull(recipientId, "recipientId");
        try {
            return jdbc.queryOne(LATEST_EVENT_ID, s -> s.setString(1, recipientId), row -> row.getLong("latest"))
                    .orElse(0L);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an outbox", e);
        }
    }

    @Override
    public long cursor(String recipientId, String channel) {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        try {
            return jdbc.queryOne(FIND_CURSOR, s -> {
                s.setString(1, recipientId);
                s.setString(2, channel);
            }, row -> row.getLong("event_id")).orElse(0L);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an outbox cursor", e);
        }
    }

    /**
     * Advance if stored and lower, else insert; each statement commits on its own. If a concurrent
     * call inserted first, the insert fails as a duplicate and the advance is tried once more, so
     * the higher of the two values stands whichever order they run in.
     */
    @Override
    public void saveCursor(String recipientId, String channel, long eventId) {
        Objects.requireNonNull(recipientId, "recipientId");
        checkChannel(channel);
        if (eventId < 0) {
            throw new IllegalArgumentException("eventId must not be negative");
        }
        Jdbc.Binder advance = s -> {
            s.setLong(1, eventId);
            s.setString(2, recipientId);
            s.setString(3, channel);
            s.setLong(4, eventId);
        };
        try {
            if (jdbc.update(ADVANCE_CURSOR, advance) > 0) {
                return;
            }
            try {
                jdbc.update(INSERT_CURSOR, s -> {
                    s.setLong(1, eventId);
                    s.setString(2, recipientId);
                    s.setString(3, channel);
                });
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // the cursor exists (it was already at or beyond eventId, or a concurrent call created it)
                jdbc.update(ADVANCE_CURSOR, advance);
            }
        } catch (SQLException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw new InvalidInputException("recipientId", "organisation '" + recipientId + "' does not exist");
            }
            throw SqlErrors.failure("store an outbox cursor", e);
        }
    }

    @Override
    public void deleteCursor(String recipientId, String channel) {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        try {
            jdbc.update(DELETE_CURSOR, s -> {
                s.setString(1, recipientId);
                s.setString(2, channel);
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("delete an outbox cursor", e);
        }
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        try {
            return jdbc.update(DELETE_CREATED_BEFORE, s -> Jdbc.setInstant(s, 1, cutoff));
        } catch (SQLException e) {
            throw SqlErrors.failure("delete expired outbox entries", e);
        }
    }

    private static void checkChannel(String channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isEmpty() || channel.length() > MAX_CHANNEL) {
            throw new InvalidInputException("channel", "a channel name has 1 to " + MAX_CHANNEL + " characters");
        }
    }

    /** Binds an entry to {@link #INSERT}. */
    static void bind(PreparedStatement s, OutboxEntry entry) throws SQLException {
        s.setString(1, entry.recipientId());
        s.setString(2, entry.agreementId());
        s.setString(3, entry.purpose().name());
        s.setString(4, entry.recordId());
        s.setString(5, entry.subjectId());
        Jdbc.setInstant(s, 6, entry.createdAt());
        s.setString(7, entry.body());
        s.setString(8, entry.deviceId());
    }

    private static Delivery map(ResultSet row) throws SQLException {
        return new Delivery(row.getLong("event_id"), new OutboxEntry(
                row.getString("recipient_id"),
                row.getString("agreement_id"),
                Purpose.valueOf(row.getString("purpose")),
                row.getString("record_id"),
                row.getString("subject_id"),
                Jdbc.getRequiredInstant(row, "created_at"),
                row.getString("body"),
                row.getString("device_id")));
    }
}
