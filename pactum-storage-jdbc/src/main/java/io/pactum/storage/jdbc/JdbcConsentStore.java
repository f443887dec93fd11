package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.sharing.ConsentAction;
import io.pactum.core.sharing.ConsentReceipt;
import io.pactum.core.sharing.ConsentStore;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The consent log over JDBC: rows are only inserted, and read back in the order of an identity
 * column taken as each is inserted, which is the order of appends (appends that overlap in time
 * have no order between them, as for any concurrent calls).
 */
final class JdbcConsentStore implements ConsentStore {
    private static final SqlStatements SQL = SqlStatements.load("consents.sql");
    private static final String APPEND = SQL.get("append");
    private static final String LIST = SQL.get("list");
    private static final String LIST_BY_SUBJECT = SQL.get("listBySubject");

    private final Jdbc jdbc;

    JdbcConsentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(ConsentReceipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        try {
            jdbc.update(APPEND, s -> {
                s.setString(1, receipt.receiptId());
                s.setString(2, receipt.version());
                Jdbc.setInstant(s, 3, receipt.timestamp());
                s.setString(4, receipt.subjectId());
                s.setString(5, receipt.controllerId());
                s.setString(6, receipt.recipientId());
                s.setString(7, receipt.purpose().name());
                s.setString(8, receipt.legalBasis().name());
                s.setString(9, receipt.action().name());
                s.setString(10, receipt.method());
                s.setString(11, receipt.collectedBy());
            });
        } catch (SQLException e) {
            throw translate(receipt, e);
        }
    }

    @Override
    public List<ConsentReceipt> list() {
        try {
            return jdbc.query(LIST, s -> { }, JdbcConsentStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list consent receipts", e);
        }
    }

    @Override
    public List<ConsentReceipt> listBySubject(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        try {
            return jdbc.query(LIST_BY_SUBJECT, s -> s.setString(1, subjectId), JdbcConsentStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list consent receipts", e);
        }
    }

    private RuntimeException translate(ConsentReceipt receipt, SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
            return new ConflictException("receiptId", "a consent receipt with id '" + receipt.receiptId()
                    + "' already exists");
        }
        try {
            if (SqlErrors.isForeignKeyViolation(e)) {
                if (!jdbc.exists(JdbcDataSubjectStore.EXISTS, receipt.subjectId())) {
                    return new InvalidInputException("subjectId", "data subject '" + receipt.subjectId()
                            + "' does not exist");
                }
                if (!jdbc.exists(JdbcOrganisationStore.EXISTS, receipt.recipientId())) {
                    return new InvalidInputException("recipientId", "organisation '" + receipt.recipientId()
                            + "' does not exist");
                }
            }
        } catch (SQLException again) {
            return SqlErrors.failure("check a consent receipt", again);
        }
        return SqlErrors.failure("store a consent receipt", e);
    }

    private static ConsentReceipt map(ResultSet row) throws SQLException {
        return new ConsentReceipt(
                row.getString("receipt_id"),
                row.getString("receipt_version"),
                Jdbc.getRequiredInstant(row, "effective_at"),
                row.getString("subject_id"),
                row.getString("controller_id"),
                row.getString("recipient_id"),
                Purpose.valueOf(row.getString("purpose")),
                LegalBasis.valueOf(row.getString("legal_basis")),
                ConsentAction.valueOf(row.getString("action")),
                row.getString("method"),
                row.getString("collected_by"));
    }
}
