package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.OrganisationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JdbcOrganisationStore implements OrganisationStore {
    private static final SqlStatements SQL = SqlStatements.load("organisations.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST = SQL.get("list");
    static final String EXISTS = SQL.get("exists");

    private final Jdbc jdbc;

    JdbcOrganisationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Organisation organisation) {
        Objects.requireNonNull(organisation, "organisation");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, organisation.id());
                s.setString(2, organisation.name());
                s.setString(3, organisation.role().name());
                Jdbc.setInstant(s, 4, organisation.createdAt());
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw conflict(organisation);
            }
            throw SqlErrors.failure("insert an organisation", e);
        }
    }

    private ConflictException conflict(Organisation organisation) {
        try {
            if (jdbc.exists(EXISTS, organisation.id())) {
                return new ConflictException("id", "an organisation with id '" + organisation.id() + "' already exists");
            }
            return new ConflictException("name", "an organisation named '" + organisation.name() + "' already exists");
        } catch (SQLException e) {
            throw SqlErrors.failure("check an organisation", e);
        }
    }

    @Override
    public Optional<Organisation> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcOrganisationStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an organisation", e);
        }
    }

    @Override
    public List<Organisation> list() {
        try {
            return jdbc.query(LIST, s -> { }, JdbcOrganisationStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list organisations", e);
        }
    }

    private static Organisation map(ResultSet row) throws SQLException {
        return new Organisation(
                row.getString("id"),
                row.getString("name"),
                OrganisationRole.valueOf(row.getString("role")),
                Jdbc.getRequiredInstant(row, "created_at"));
    }
}
