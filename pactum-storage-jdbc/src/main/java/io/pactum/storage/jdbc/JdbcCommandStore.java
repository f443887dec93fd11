package io.pactum.storage.jdbc;

import io.pactum.core.command.Command;
import io.pactum.core.command.CommandState;
import io.pactum.core.command.CommandStore;
import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Commands over JDBC. Only state, detail, response and update time ever change. */
final class JdbcCommandStore implements CommandStore {
    private static final SqlStatements SQL = SqlStatements.load("commands.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String UPDATE = SQL.get("update");
    private static final String FIND = SQL.get("find");
    private static final String LIST_BY_DEVICE = SQL.get("listByDevice");
    private static final String LAST_COUNTER = SQL.get("lastCounter");

    private final Jdbc jdbc;

    JdbcCommandStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Command command) {
        Objects.requireNonNull(command, "command");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, command.id());
                s.setString(2, command.deviceId());
                s.setString(3, command.name());
                s.setString(4, command.parameters());
                s.setString(5, command.issuedBy());
                s.setLong(6, command.counter());
                Jdbc.setInstant(s, 7, command.issuedAt());
                s.setString(8, command.state().name());
                s.setString(9, command.detail());
                s.setString(10, command.response());
                Jdbc.setInstant(s, 11, command.updatedAt());
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("counter", "device '" + command.deviceId() + "' already has a command "
                        + command.id() + " or one with counter " + command.counter());
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw new InvalidInputException("deviceId", "device '" + command.deviceId() + "' does not exist");
            }
            throw SqlErrors.failure("store a command", e);
        }
    }

    @Override
    public void update(Command command) {
        Objects.requireNonNull(command, "command");
        int changed;
        try {
            changed = jdbc.update(UPDATE, s -> {
                s.setString(1, command.state().name());
                s.setString(2, command.detail());
                s.setString(3, command.response());
                Jdbc.setInstant(s, 4, command.updatedAt());
                s.setString(5, command.id());
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("update a command", e);
        }
        if (changed == 0) {
            throw NotFoundException.of("command", command.id());
        }
    }

    @Override
    public Optional<Command> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcCommandStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a command", e);
        }
    }

    @Override
    public List<Command> listByDevice(String deviceId, int limit) {
        Objects.requireNonNull(deviceId, "deviceId");
        try {
            return jdbc.query(LIST_BY_DEVICE, s -> {
                s.setString(1, deviceId);
                s.setInt(2, limit);
            }, JdbcCommandStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list commands", e);
        }
    }

    @Override
    public long lastCounter(String deviceId) {
        Objects.requireNonNull(deviceId, "deviceId");
        try {
            return jdbc.queryOne(LAST_COUNTER, s -> s.setString(1, deviceId), row -> row.getLong("last_counter"))
                    .orElse(0L);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a command counter", e);
        }
    }

    private static Command map(ResultSet row) throws SQLException {
        return new Command(
                row.getString("id"),
                row.getString("device_id"),
                row.getString("name"),
                row.getString("parameters"),
                row.getString("issued_by"),
                row.getLong("counter"),
                Jdbc.getRequiredInstant(row, "issued_at"),
                CommandState.valueOf(row.getString("state")),
                row.getString("detail"),
                row.getString("response"),
                Jdbc.getRequiredInstant(row, "updated_at"));
    }
}
