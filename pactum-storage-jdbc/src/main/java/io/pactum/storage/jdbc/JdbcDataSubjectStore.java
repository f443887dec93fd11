package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.registry.DataSubject;
import io.pactum.core.registry.DataSubjectStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JdbcDataSubjectStore implements DataSubjectStore {
    private static final SqlStatements SQL = SqlStatements.load("data_subjects.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST = SQL.get("list");
    static final String EXISTS = SQL.get("exists");

    private final Jdbc jdbc;

    JdbcDataSubjectStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(DataSubject subject) {
        Objects.requireNonNull(subject, "subject");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, subject.id());
                Jdbc.setInstant(s, 2, subject.createdAt());
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("id", "a data subject with id '" + subject.id() + "' already exists");
            }
            throw SqlErrors.failure("insert a data subject", e);
        }
    }

    @Override
    public Optional<DataSubject> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcDataSubjectStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a data subject", e);
        }
    }

    @Override
    public List<DataSubject> list() {
        try {
            return jdbc.query(LIST, s -> { }, JdbcDataSubjectStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list data subjects", e);
        }
    }

    private static DataSubject map(ResultSet row) throws SQLException {
        return new DataSubject(row.getString("id"), Jdbc.getRequiredInstant(row, "created_at"));
    }
}
