package io.pactum.storage.jdbc;

import io.pactum.core.ledger.subject.SubjectKey;
import io.pactum.core.ledger.subject.SubjectKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Data subjects' keys over JDBC. The unique subject column settles races: of two inserts for one
 * subject, from any thread or pool, one commits and the other reads back the winner.
 */
final class JdbcSubjectKeyStore implements SubjectKeyStore {
    private static final SqlStatements SQL = SqlStatements.load("subject-keys.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND_BY_SUBJECT = SQL.get("findBySubject");
    private static final String FIND_BY_KEY_ID = SQL.get("findByKeyId");
    private static final String ERASE = SQL.get("erase");
    /** Insert-or-read rounds before giving up; more than one only if the winner is erased meanwhile. */
    private static final int ATTEMPTS = 5;

    private final Jdbc jdbc;

    JdbcSubjectKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SubjectKey> findBySubject(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        return find(FIND_BY_SUBJECT, subjectId);
    }

    @Override
    public Optional<SubjectKey> findByKeyId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        return find(FIND_BY_KEY_ID, keyId);
    }

    @Override
    public SubjectKey createIfAbsent(SubjectKey candidate) {
        Objects.requireNonNull(candidate, "candidate");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (insert(candidate)) {
                return candidate;
            }
            // lost to another writer: its key is the subject's, unless it was erased in between
            Optional<SubjectKey> winner = findBySubject(candidate.subjectId());
            if (winner.isPresent()) {
                return winner.get();
            }
        }
        throw new StorageException("could not store a subject key: its key id is taken, or the subject's key was erased while being stored, "
                + ATTEMPTS + " times");
    }

    @Override
    public boolean erase(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        try {
            return jdbc.update(ERASE, s -> s.setString(1, subjectId)) > 0;
        } catch (SQLException e) {
            throw SqlErrors.failure("erase a subject key", e);
        }
    }

    /** True if stored, false if a key for the subject (or with the id) was there first. */
    private boolean insert(SubjectKey key) {
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, key.keyId());
                s.setString(2, key.subjectId());
                s.setBytes(3, key.wrappedKey());
                Jdbc.setInstant(s, 4, key.createdAt());
            });
            return true;
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw SqlErrors.failure("store a subject key", e);
        }
    }

    private Optional<SubjectKey> find(String sql, String value) {
        try {
            return jdbc.queryOne(sql, s -> s.setString(1, value), JdbcSubjectKeyStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a subject key", e);
        }
    }

    private static SubjectKey map(ResultSet row) throws SQLException {
        return new SubjectKey(
                row.getString("key_id"),
                row.getString("subject_id"),
                row.getBytes("wrapped_key"),
                Jdbc.getRequiredInstant(row, "created_at"));
    }
}
