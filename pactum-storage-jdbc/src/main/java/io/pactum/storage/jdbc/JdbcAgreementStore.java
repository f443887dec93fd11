package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.AgreementStore;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Agreements over JDBC: scalar columns, and JSON (see {@link AgreementJson}) for sets, fields and grants. */
final class JdbcAgreementStore implements AgreementStore {
    private static final SqlStatements SQL = SqlStatements.load("agreements.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String UPDATE = SQL.get("update");
    private static final String FIND = SQL.get("find");
    private static final String LIST = SQL.get("list");
    private static final String LIST_BY_RECIPIENT = SQL.get("listByRecipient");
    static final String EXISTS = SQL.get("exists");

    private final Jdbc jdbc;

    JdbcAgreementStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Agreement agreement) {
        Objects.requireNonNull(agreement, "agreement");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, agreement.id());
                bindColumns(s, 2, agreement);
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("id", "an agreement with id '" + agreement.id() + "' already exists");
            }
            throw translate("store an agreement", agreement, e);
        }
    }

    @Override
    public void update(Agreement agreement) {
        Objects.requireNonNull(agreement, "agreement");
        int changed;
        try {
            changed = jdbc.update(UPDATE, s -> {
                int next = bindColumns(s, 1, agreement);
                s.setString(next, agreement.id());
            });
        } catch (SQLException e) {
            throw translate("update an agreement", agreement, e);
        }
        if (changed == 0) {
            throw NotFoundException.of("agreement", agreement.id());
        }
    }

    @Override
    public Optional<Agreement> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcAgreementStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an agreement", e);
        }
    }

    @Override
    public List<Agreement> list() {
        try {
            return jdbc.query(LIST, s -> { }, JdbcAgreementStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list agreements", e);
        }
    }

    @Override
    public List<Agreement> listByRecipient(String recipientId) {
        Objects.requireNonNull(recipientId, "recipientId");
        try {
            return jdbc.query(LIST_BY_RECIPIENT, s -> s.setString(1, recipientId), JdbcAgreementStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list agreements", e);
        }
    }

    /** Binds every column but the id from {@code first} on; returns the next free index. */
    private static int bindColumns(PreparedStatement s, int first, Agreement agreement) throws SQLException {
        int i = first;
        s.setString(i++, agreement.recipientId());
        s.setString(i++, AgreementJson.writeIds(agreement.productIds()));
        s.setString(i++, AgreementJson.writeIds(agreement.deviceGroupIds()));
        s.setString(i++, AgreementJson.writeFields(agreement.fields()));
        s.setString(i++, agreement.purpose().name());
        s.setString(i++, agreement.legalBasis().name());
        Jdbc.setInstant(s, i++, agreement.validFrom());
        Jdbc.setInstant(s, i++, agreement.validUntil());
        s.setInt(i++, agreement.rateLimitPerMinute());
        ChronoUnit resolution = agreement.timeResolution();
        if (resolution == null) {
            s.setNull(i++, Types.VARCHAR);
        } else {
            s.setString(i++, resolution.name());
        }
        s.setString(i++, AgreementJson.writeCommands(agreement.commands()));
        s.setString(i++, agreement.state().name());
        Jdbc.setInstant(s, i++, agreement.createdAt());
        Jdbc.setInstant(s, i++, agreement.updatedAt());
        return i;
    }

    /** The only parent is the recipient organisation. */
    private static RuntimeException translate(String action, Agreement agreement, SQLException e) {
        if (SqlErrors.isForeignKeyViolation(e)) {
            return new InvalidInputException("recipientId",
                    "organisation '" + agreement.recipientId() + "' does not exist");
        }
        return SqlErrors.failure(action, e);
    }

    private static Agreement map(ResultSet row) throws SQLException {
        String resolution = row.getString("time_resolution");
        return new Agreement(
                row.getString("id"),
                row.getString("recipient_id"),
                AgreementJson.readIds(row.getString("product_ids")),
                AgreementJson.readIds(row.getString("device_group_ids")),
                AgreementJson.readFields(row.getString("fields")),
                Purpose.valueOf(row.getString("purpose")),
                LegalBasis.valueOf(row.getString("legal_basis")),
                Jdbc.getRequiredInstant(row, "valid_from"),
                Jdbc.getInstant(row, "valid_until"),
                row.getInt("rate_limit_per_minute"),
                resolution == null ? null : ChronoUnit.valueOf(resolution),
                AgreementJson.readCommands(row.getString("commands")),
                AgreementState.valueOf(row.getString("state")),
                Jdbc.getRequiredInstant(row, "created_at"),
                Jdbc.getRequiredInstant(row, "updated_at"));
    }
}
