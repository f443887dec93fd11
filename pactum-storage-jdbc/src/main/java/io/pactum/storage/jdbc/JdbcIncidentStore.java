package io.pactum.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentQuery;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.IncidentStore;
import io.pactum.core.incident.LinkedSignal;
import io.pactum.core.incident.Severity;
import io.pactum.core.incident.TimelineEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Incidents and their timelines over JDBC. Id sets are stored as sorted JSON arrays of strings,
 * signal summaries as {@code [{"type":..,"subject":..,"at":"2026-03-01T10:15:30.123456Z"}]}, in order.
 * An update changes the row only if its version is still the one the caller read, and appends its
 * timeline entries in the same transaction; timeline numbers are taken while the incident's row is
 * locked, so concurrent appends, also from other hub nodes, never take the same one.
 */
final class JdbcIncidentStore implements IncidentStore {
    private static final SqlStatements SQL = SqlStatements.load("incidents.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST = SQL.get("list");
    private static final String FIND_ACTIVE = SQL.get("findActive");
    private static final String UPDATE = SQL.get("update");
    private static final String LOCK = SQL.get("lock");
    private static final String EXISTS = SQL.get("exists");
    private static final String LAST_SEQ = SQL.get("lastSeq");
    private static final String INSERT_ENTRY = SQL.get("insertEntry");
    private static final String TIMELINE = SQL.get("timeline");

    /** H2: a row changed by a transaction that committed while this one waited for it. */
    private static final String H2_CONCURRENT_UPDATE = "90131";
    /** PostgreSQL: serialization failure and deadlock, should a stricter isolation level be configured. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Jdbc jdbc;

    JdbcIncidentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Incident incident, List<TimelineEntry.Draft> entries) {
        Objects.requireNonNull(incident, "incident");
        List<TimelineEntry.Draft> drafts = List.copyOf(entries);
        if (incident.version() != 1) {
            throw new IllegalArgumentException("a new incident has version 1");
        }
        try {
            jdbc.inTransaction(c -> {
                Jdbc.update(c, INSERT, s -> {
                    s.setString(1, incident.id());
                    s.setString(2, incident.detector());
                    s.setString(3, incident.subject());
                    s.setString(4, incident.title());
                    s.setString(5, incident.severity().name());
                    s.setString(6, incident.status().name());
                    Jdbc.setInstant(s, 7, incident.detectedAt());
                    Jdbc.setInstant(s, 8, incident.lastSignalAt());
                    Jdbc.setInstant(s, 9, incident.containedAt());
                    Jdbc.setInstant(s, 10, incident.resolvedAt());
                    s.setString(11, writeIds(incident.deviceIds()));
                    s.setString(12, writeIds(incident.organisationIds()));
                    s.setString(13, writeIds(incident.dataSubjectIds()));
                    s.setString(14, writeSignals(incident.signals()));
                    s.setLong(15, incident.signalCount());
                    setNullableString(s, 16, incident.assignee());
                    s.setLong(17, incident.version());
                });
                append(c, incident.id(), 0, drafts);
                return null;
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("id", "an incident with id '" + incident.id() + "' already exists");
            }
            throw SqlErrors.failure("store an incident", e);
        }
    }

    @Override
    public Optional<Incident> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcIncidentStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an incident", e);
        }
    }

    @Override
    public List<Incident> list(IncidentQuery query) {
        Objects.requireNonNull(query, "query");
        String status = query.status() == null ? null : query.status().name();
        String severity = query.severity() == null ? null : query.severity().name();
        try {
            return jdbc.query(LIST, s -> {
                setNullableString(s, 1, status);
                setNullableString(s, 2, status);
                setNullableString(s, 3, severity);
                setNullableString(s, 4, severity);
                Jdbc.setInstant(s, 5, query.since());
                Jdbc.setInstant(s, 6, query.since());
                s.setInt(7, query.limit());
                s.setInt(8, query.offset());
            }, JdbcIncidentStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list incidents", e);
        }
    }

    @Override
    public List<Incident> findActive(String detector, String subject) {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(subject, "subject");
        try {
            return jdbc.query(FIND_ACTIVE, s -> {
                s.setString(1, detector);
                s.setString(2, subject);
            }, JdbcIncidentStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("find active incidents", e);
        }
    }

    @Override
    public Incident update(Incident incident, long expectedVersion, List<TimelineEntry.Draft> entries) {
        Objects.requireNonNull(incident, "incident");
        List<TimelineEntry.Draft> drafts = List.copyOf(entries);
        Incident stored = incident.withVersion(expectedVersion + 1);
        Outcome outcome;
        try {
            outcome = jdbc.inTransaction(c -> {
                int changed = Jdbc.update(c, UPDATE, s -> {
                    s.setString(1, stored.title());
                    s.setString(2, stored.severity().name());
                    s.setString(3, stored.status().name());
                    Jdbc.setInstant(s, 4, stored.lastSignalAt());
                    Jdbc.setInstant(s, 5, stored.containedAt());
                    Jdbc.setInstant(s, 6, stored.resolvedAt());
                    s.setString(7, writeIds(stored.deviceIds()));
                    s.setString(8, writeIds(stored.organisationIds()));
                    s.setString(9, writeIds(stored.dataSubjectIds()));
                    s.setString(10, writeSignals(stored.signals()));
                    s.setLong(11, stored.signalCount());
                    setNullableString(s, 12, stored.assignee());
                    s.setLong(13, stored.version());
                    s.setString(14, stored.id());
                    s.setLong(15, expectedVersion);
                });
                if (changed == 0) {
                    return exists(c, stored.id()) ? Outcome.STALE : Outcome.MISSING;
                }
                // the update holds the row's lock until commit: the numbers taken here are ours
                append(c, stored.id(), lastSeq(c, stored.id()), drafts);
                return Outcome.UPDATED;
            });
        } catch (SQLException e) {
            if (isConcurrentUpdate(e)) {
                throw stale(stored.id());
            }
            throw SqlErrors.failure("update an incident", e);
        }
        return switch (outcome) {
            case UPDATED -> stored;
            case STALE -> throw stale(stored.id());
            case MISSING -> throw NotFoundException.of("incident", stored.id());
        };
    }

    @Override
    public TimelineEntry appendTimeline(String incidentId, TimelineEntry.Draft entry) {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(entry, "entry");
        Optional<TimelineEntry> appended;
        try {
            appended = jdbc.inTransaction(c -> {
                if (Jdbc.query(c, LOCK, s -> s.setString(1, incidentId), row -> Boolean.TRUE).isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(append(c, incidentId, lastSeq(c, incidentId), List.of(entry)).get(0));
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("append to an incident's timeline", e);
        }
        return appended.orElseThrow(() -> NotFoundException.of("incident", incidentId));
    }

    @Override
    public List<TimelineEntry> timeline(String incidentId) {
        Objects.requireNonNull(incidentId, "incidentId");
        try {
            return jdbc.query(TIMELINE, s -> s.setString(1, incidentId), JdbcIncidentStore::mapEntry);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an incident's timeline", e);
        }
    }

    private enum Outcome { UPDATED, STALE, MISSING }

    private static ConflictException stale(String id) {
        return new ConflictException("version", "incident '" + id + "' was changed meanwhile; read it again and retry");
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        return !Jdbc.query(c, EXISTS, s -> s.setString(1, id), row -> Boolean.TRUE).isEmpty();
    }

    private static long lastSeq(Connection c, String incidentId) throws SQLException {
        return Jdbc.query(c, LAST_SEQ, s -> s.setString(1, incidentId), row -> row.getLong(1)).get(0);
    }

    /** Inserts the drafts numbered after {@code lastSeq}; returns them numbered. */
    private static List<TimelineEntry> append(Connection c, String incidentId, long lastSeq,
            List<TimelineEntry.Draft> drafts) throws SQLException {
        List<TimelineEntry> numbered = new ArrayList<>();
        for (TimelineEntry.Draft draft : drafts) {
            numbered.add(draft.numbered(incidentId, lastSeq + numbered.size() + 1));
        }
        if (numbered.isEmpty()) {
            return numbered;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ENTRY)) {
            for (TimelineEntry entry : numbered) {
                s.setString(1, entry.incidentId());
                s.setLong(2, entry.seq());
                Jdbc.setInstant(s, 3, entry.at());
                s.setString(4, entry.actor());
                s.setString(5, entry.kind().name());
                setNullableString(s, 6, entry.action());
                setNullableString(s, 7, entry.target());
                s.setString(8, entry.detail());
                s.addBatch();
            }
            s.executeBatch();
        }
        return numbered;
    }

    private static boolean isConcurrentUpdate(SQLException e) {
        for (Throwable each = e; each != null; each = each.getCause()) {
            if (each instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (H2_CONCURRENT_UPDATE.equals(state) || SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void setNullableString(PreparedStatement s, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static Incident map(ResultSet row) throws SQLException {
        return new Incident(
                row.getString("id"),
                row.getString("detector"),
                row.getString("subject"),
                row.getString("title"),
                Severity.valueOf(row.getString("severity")),
                IncidentStatus.valueOf(row.getString("status")),
                Jdbc.getRequiredInstant(row, "detected_at"),
                Jdbc.getRequiredInstant(row, "last_signal_at"),
                Jdbc.getInstant(row, "contained_at"),
                Jdbc.getInstant(row, "resolved_at"),
                readIds(row.getString("device_ids")),
                readIds(row.getString("organisation_ids")),
                readIds(row.getString("data_subject_ids")),
                readSignals(row.getString("signals")),
                row.getLong("signal_count"),
                row.getString("assignee"),
                row.getLong("version"));
    }

    private static TimelineEntry mapEntry(ResultSet row) throws SQLException {
        return new TimelineEntry(
                row.getString("incident_id"),
                row.getLong("seq"),
                Jdbc.getRequiredInstant(row, "entry_at"),
                row.getString("actor"),
                TimelineEntry.Kind.valueOf(row.getString("kind")),
                row.getString("action"),
                row.getString("target"),
                row.getString("detail"));
    }

    static String writeIds(Set<String> ids) {
        ArrayNode array = MAPPER.createArrayNode();
        ids.stream().sorted().forEach(array::add);
        return write(array);
    }

    static Set<String> readIds(String json) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode each : array(json, "id set")) {
            if (!each.isTextual()) {
                throw new SQLException("a stored id set holds a value that is not a string");
            }
            ids.add(each.asText());
        }
        return ids;
    }

    static String writeSignals(List<LinkedSignal> signals) {
        ArrayNode array = MAPPER.createArrayNode();
        for (LinkedSignal signal : signals) {
            ObjectNode node = array.addObject();
            node.put("type", signal.type());
            node.put("subject", signal.subject());
            node.put("at", signal.at().toString());
        }
        return write(array);
    }

    static List<LinkedSignal> readSignals(String json) throws SQLException {
        List<LinkedSignal> signals = new ArrayList<>();
        for (JsonNode each : array(json, "signal list")) {
            JsonNode type = each.get("type");
            JsonNode subject = each.get("subject");
            JsonNode at = each.get("at");
            if (type == null || !type.isTextual() || subject == null || !subject.isTextual() || at == null
                    || !at.isTextual()) {
                throw new SQLException("a stored signal summary lacks its type, subject or time");
            }
            try {
                signals.add(new LinkedSignal(type.asText(), subject.asText(), Instant.parse(at.asText())));
            } catch (DateTimeParseException e) {
                throw new SQLException("a stored signal summary has an unreadable time", e);
            }
        }
        return signals;
    }

    private static ArrayNode array(String json, String what) throws SQLException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ArrayNode array) {
                return array;
            }
            throw new SQLException("a stored " + what + " is not a JSON array");
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored " + what + " is not valid JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
