package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.error.PactumException;
import io.pactum.core.registry.ApiClient;
import io.pactum.core.registry.ApiClientStore;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class JdbcApiClientStore implements ApiClientStore {
    private static final SqlStatements SQL = SqlStatements.load("api_clients.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST_BY_ORGANISATION = SQL.get("listByOrganisation");
    private static final String REVOKE = SQL.get("revoke");
    private static final String EXISTS = SQL.get("exists");

    private final Jdbc jdbc;

    JdbcApiClientStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ApiClient client) {
        Objects.requireNonNull(client, "client");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, client.id());
                s.setString(2, client.organisationId());
                s.setString(3, client.name());
                s.setString(4, client.kind().name());
                s.setString(5, writeScopes(client.scopes()));
                s.setString(6, client.tokenHash());
                Jdbc.setInstant(s, 7, client.createdAt());
                Jdbc.setInstant(s, 8, client.expiresAt());
                Jdbc.setInstant(s, 9, client.revokedAt());
            });
        } catch (SQLException e) {
            throw translateInsertFailure(client, e);
        }
    }

    private RuntimeException translateInsertFailure(ApiClient client, SQLException e) {
        try {
            if (SqlErrors.isUniqueViolation(e)) {
                if (jdbc.exists(EXISTS, client.id())) {
                    return new ConflictException("id", "an API client with id '" + client.id() + "' already exists");
                }
                return new ConflictException("name", "organisation '" + client.organisationId()
                        + "' already has an API client named '" + client.name() + "'");
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                return missingOrganisation(client.organisationId());
            }
        } catch (SQLException again) {
            return SqlErrors.failure("check an API client", again);
        }
        return SqlErrors.failure("insert an API client", e);
    }

    private static PactumException missingOrganisation(String organisationId) {
        return new InvalidInputException("organisationId", "organisation '" + organisationId + "' does not exist");
    }

    @Override
    public Optional<ApiClient> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcApiClientStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read an API client", e);
        }
    }

    @Override
    public List<ApiClient> listByOrganisation(String organisationId) {
        Objects.requireNonNull(organisationId, "organisationId");
        try {
            return jdbc.query(LIST_BY_ORGANISATION, s -> s.setString(1, organisationId), JdbcApiClientStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list API clients", e);
        }
    }

    @Override
    public void revoke(String id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        try {
            int changed = jdbc.update(REVOKE, s -> {
                Jdbc.setInstant(s, 1, at);
                s.setString(2, id);
            });
            // nothing changed: either already revoked (the first time stands) or no such client
            if (changed == 0 && !jdbc.exists(EXISTS, id)) {
                throw NotFoundException.of("API client", id);
            }
        } catch (SQLException e) {
            throw SqlErrors.failure("revoke an API client", e);
        }
    }

    private static ApiClient map(ResultSet row) throws SQLException {
        return new ApiClient(
                row.getString("id"),
                row.getString("organisation_id"),
                row.getString("name"),
                ClientKind.valueOf(row.getString("kind")),
                readScopes(row.getString("scopes")),
                row.getString("token_hash"),
                Jdbc.getRequiredInstant(row, "created_at"),
                Jdbc.getInstant(row, "expires_at"),
                Jdbc.getInstant(row, "revoked_at"));
    }

    /** Enum names in declaration order, so equal sets are always stored the same way. */
    static String writeScopes(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::name).collect(Collectors.joining(","));
    }

    static Set<Scope> readScopes(String column) {
        return Arrays.stream(column.split(","))
                .map(String::strip)
                .map(Scope::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }
}
