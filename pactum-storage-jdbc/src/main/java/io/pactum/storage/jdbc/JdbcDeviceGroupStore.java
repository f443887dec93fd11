package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.DeviceGroup;
import io.pactum.core.registry.DeviceGroupStore;
import io.pactum.core.registry.GroupMembers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Groups and their members; every write runs in one transaction, so a failure leaves nothing behind. */
final class JdbcDeviceGroupStore implements DeviceGroupStore {
    private static final SqlStatements SQL = SqlStatements.load("device_groups.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String INSERT_MEMBER = SQL.get("insertMember");
    private static final String DELETE_MEMBERS = SQL.get("deleteMembers");
    private static final String LOCK_GROUP = SQL.get("lockGroup");
    private static final String FIND = SQL.get("find");
    private static final String FIND_MEMBERS = SQL.get("findMembers");
    private static final String LIST = SQL.get("list");
    private static final String LIST_MEMBERS = SQL.get("listMembers");
    private static final String LIST_BY_OWNER = SQL.get("listByOwner");
    private static final String LIST_MEMBERS_BY_OWNER = SQL.get("listMembersByOwner");
    private static final String EXISTS = SQL.get("exists");

    /** A group row before its members are attached. */
    private record Row(String id, String ownerId, String name, Instant createdAt) {}

    private final Jdbc jdbc;

    JdbcDeviceGroupStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(DeviceGroup group) {
        Objects.requireNonNull(group, "group");
        try {
            jdbc.inTransaction(c -> {
                Jdbc.update(c, INSERT, s -> {
                    s.setString(1, group.id());
                    s.setString(2, group.ownerId());
                    s.setString(3, group.name());
                    Jdbc.setInstant(s, 4, group.createdAt());
                });
                insertMembers(c, group.id(), group.deviceIds());
                return null;
            });
        } catch (SQLException e) {
            throw translateInsertFailure(group, e);
        }
    }

    private RuntimeException translateInsertFailure(DeviceGroup group, SQLException e) {
        try {
            if (SqlErrors.isUniqueViolation(e)) {
                if (jdbc.exists(EXISTS, group.id())) {
                    return new ConflictException("id", "a device group with id '" + group.id() + "' already exists");
                }
                return new ConflictException("name", "organisation '" + group.ownerId()
                        + "' already has a device group named '" + group.name() + "'");
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                if (!jdbc.exists(JdbcOrganisationStore.EXISTS, group.ownerId())) {
                    return new InvalidInputException("ownerId", "organisation '" + group.ownerId() + "' does not exist");
                }
                Optional<InvalidInputException> missing = missingDevice(group.deviceIds());
                if (missing.isPresent()) {
                    return missing.get();
                }
            }
        } catch (SQLException again) {
            return SqlErrors.failure("check a device group", again);
        }
        return SqlErrors.failure("insert a device group", e);
    }

    @Override
    public void replaceMembers(String groupId, Set<String> deviceIds) {
        Objects.requireNonNull(groupId, "groupId");
        Set<String> members = new GroupMembers(deviceIds).deviceIds();
        boolean found;
        try {
            found = jdbc.inTransaction(c -> {
                if (Jdbc.query(c, LOCK_GROUP, s -> s.setString(1, groupId), row -> row.getString(1)).isEmpty()) {
                    return false;
                }
                Jdbc.update(c, DELETE_MEMBERS, s -> s.setString(1, groupId));
                insertMembers(c, groupId, members);
                return true;
            });
        } catch (SQLException e) {
            throw translateReplaceFailure(members, e);
        }
        if (!found) {
            throw NotFoundException.of("device group", groupId);
        }
    }

    private RuntimeException translateReplaceFailure(Set<String> members, SQLException e) {
        try {
            if (SqlErrors.isForeignKeyViolation(e)) {
                Optional<InvalidInputException> missing = missingDevice(members);
                if (missing.isPresent()) {
                    return missing.get();
                }
            }
        } catch (SQLException again) {
            return SqlErrors.failure("check a device group", again);
        }
        return SqlErrors.failure("replace the members of a device group", e);
    }

    /** The first (in sorted order, so the message is stable) of the devices that do not exist. */
    private Optional<InvalidInputException> missingDevice(Set<String> deviceIds) throws SQLException {
        for (String deviceId : new TreeSet<>(deviceIds)) {
            if (!jdbc.exists(JdbcDeviceStore.EXISTS, deviceId)) {
                return Optional.of(new InvalidInputException("deviceIds", "device '" + deviceId + "' does not exist"));
            }
        }
        return Optional.empty();
    }

    private static void insertMembers(Connection connection, String groupId, Set<String> deviceIds)
            throws SQLException {
        if (deviceIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_MEMBER)) {
            for (String deviceId : new TreeSet<>(deviceIds)) {
                statement.setString(1, groupId);
                statement.setString(2, deviceId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public Optional<DeviceGroup> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.withConnection(c -> {
                List<Row> rows = Jdbc.query(c, FIND, s -> s.setString(1, id), JdbcDeviceGroupStore::mapRow);
                if (rows.isEmpty()) {
                    return Optional.<DeviceGroup>empty();
                }
                Map<String, Set<String>> members = members(c, FIND_MEMBERS, id);
                return Optional.of(withMembers(rows.get(0), members));
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("read a device group", e);
        }
    }

    @Override
    public List<DeviceGroup> list() {
        try {
            return jdbc.withConnection(c -> assemble(
                    Jdbc.query(c, LIST, s -> { }, JdbcDeviceGroupStore::mapRow),
                    members(c, LIST_MEMBERS, null)));
        } catch (SQLException e) {
            throw SqlErrors.failure("list device groups", e);
        }
    }

    @Override
    public List<DeviceGroup> listByOwner(String ownerId) {
        Objects.requireNonNull(ownerId, "ownerId");
        try {
            return jdbc.withConnection(c -> assemble(
                    Jdbc.query(c, LIST_BY_OWNER, s -> s.setString(1, ownerId), JdbcDeviceGroupStore::mapRow),
                    members(c, LIST_MEMBERS_BY_OWNER, ownerId)));
        } catch (SQLException e) {
            throw SqlErrors.failure("list device groups", e);
        }
    }

    /** Members by group id, from a query returning (group_id, device_id) with at most one parameter. */
    private static Map<String, Set<String>> members(Connection c, String sql, @Nullable String parameter)
            throws SQLException {
        Map<String, Set<String>> members = new HashMap<>();
        Jdbc.query(c, sql, s -> {
            if (parameter != null) {
                s.setString(1, parameter);
            }
        }, row -> members.computeIfAbsent(row.getString("group_id"), k -> new HashSet<>()).add(row.getString("device_id")));
        return members;
    }

    private static List<DeviceGroup> assemble(List<Row> rows, Map<String, Set<String>> members) {
        List<DeviceGroup> groups = new ArrayList<>(rows.size());
        for (Row row : rows) {
            groups.add(withMembers(row, members));
        }
        return groups;
    }

    private static DeviceGroup withMembers(Row row, Map<String, Set<String>> members) {
        return new DeviceGroup(row.id(), row.ownerId(), row.name(), members.getOrDefault(row.id(), Set.of()),
                row.createdAt());
    }

    private static Row mapRow(ResultSet row) throws SQLException {
        return new Row(row.getString("id"), row.getString("owner_id"), row.getString("name"),
                Jdbc.getRequiredInstant(row, "created_at"));
    }
}
