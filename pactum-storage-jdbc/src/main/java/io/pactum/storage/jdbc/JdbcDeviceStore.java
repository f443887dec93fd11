package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceCredentials;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JdbcDeviceStore implements DeviceStore {
    private static final SqlStatements SQL = SqlStatements.load("devices.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST = SQL.get("list");
    private static final String LIST_BY_OWNER = SQL.get("listByOwner");
    private static final String LIST_BY_PRODUCT = SQL.get("listByProduct");
    private static final String UPDATE = SQL.get("update");
    static final String EXISTS = SQL.get("exists");

    private final Jdbc jdbc;

    JdbcDeviceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Device device) {
        Objects.requireNonNull(device, "device");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, device.id());
                bindColumns(s, 2, device);
            });
        } catch (SQLException e) {
            throw translate("insert a device", device, e);
        }
    }

    @Override
    public void update(Device device) {
        Objects.requireNonNull(device, "device");
        int changed;
        try {
            changed = jdbc.update(UPDATE, s -> {
                int next = bindColumns(s, 1, device);
                s.setString(next, device.id());
            });
        } catch (SQLException e) {
            throw translate("update a device", device, e);
        }
        if (changed == 0) {
            throw NotFoundException.of("device", device.id());
        }
    }

    /** Binds every column but the id from {@code first} on; returns the next free index. */
    private static int bindColumns(PreparedStatement s, int first, Device device) throws SQLException {
        DeviceCredentials credentials = device.credentials();
        int i = first;
        s.setString(i++, device.productId());
        s.setString(i++, device.ownerId());
        s.setString(i++, device.subjectId());
        s.setString(i++, device.state().name());
        s.setString(i++, credentials.secretHash());
        s.setString(i++, credentials.certificateFingerprint());
        s.setBytes(i++, credentials.sealedMacKey());
        s.setBytes(i++, credentials.publicKey());
        Jdbc.setInstant(s, i++, device.createdAt());
        Jdbc.setInstant(s, i++, device.updatedAt());
        return i;
    }

    private RuntimeException translate(String action, Device device, SQLException e) {
        try {
            if (SqlErrors.isUniqueViolation(e)) {
                return new ConflictException("id", "a device with id '" + device.id() + "' already exists");
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                // the database names the constraint in its own words; asking which parent is missing is portable
                if (!jdbc.exists(JdbcProductStore.EXISTS, device.productId())) {
                    return new InvalidInputException("productId", "product '" + device.productId() + "' does not exist");
                }
                if (!jdbc.exists(JdbcOrganisationStore.EXISTS, device.ownerId())) {
                    return new InvalidInputException("ownerId", "organisation '" + device.ownerId() + "' does not exist");
                }
                String subjectId = device.subjectId();
                if (subjectId != null && !jdbc.exists(JdbcDataSubjectStore.EXISTS, subjectId)) {
                    return new InvalidInputException("subjectId", "data subject '" + subjectId + "' does not exist");
                }
            }
        } catch (SQLException again) {
            return SqlErrors.failure("check a device", again);
        }
        return SqlErrors.failure(action, e);
    }

    @Override
    public Optional<Device> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcDeviceStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a device", e);
        }
    }

    @Override
    public List<Device> list() {
        try {
            return jdbc.query(LIST, s -> { }, JdbcDeviceStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list devices", e);
        }
    }

    @Override
    public List<Device> listByOwner(String ownerId) {
        Objects.requireNonNull(ownerId, "ownerId");
        try {
            return jdbc.query(LIST_BY_OWNER, s -> s.setString(1, ownerId), JdbcDeviceStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list devices", e);
        }
    }

    @Override
    public List<Device> listByProduct(String productId) {
        Objects.requireNonNull(productId, "productId");
        try {
            return jdbc.query(LIST_BY_PRODUCT, s -> s.setString(1, productId), JdbcDeviceStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list devices", e);
        }
    }

    private static Device map(ResultSet row) throws SQLException {
        return new Device(
                row.getString("id"),
                row.getString("product_id"),
                row.getString("owner_id"),
                row.getString("subject_id"),
                DeviceState.valueOf(row.getString("state")),
                new DeviceCredentials(
                        row.getString("secret_hash"),
                        row.getString("certificate_fingerprint"),
                        row.getBytes("sealed_mac_key"),
                        row.getBytes("public_key")),
                Jdbc.getRequiredInstant(row, "created_at"),
                Jdbc.getRequiredInstant(row, "updated_at"));
    }
}
