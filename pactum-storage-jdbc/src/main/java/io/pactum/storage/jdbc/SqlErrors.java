package io.pactum.storage.jdbc;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Classifies driver exceptions by SQLState, which H2 and PostgreSQL share for the cases that
 * matter here, and describes them without their messages: those may quote SQL parameter values.
 */
final class SqlErrors {
    static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL, and H2 when a referenced row is deleted. */
    static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 when the referenced row is missing on insert or update. */
    static final String H2_PARENT_MISSING = "23506";
    /** H2's vendor code for a duplicate key; equal to its SQLState, checked too as the brief for H2 asks. */
    static final int H2_DUPLICATE_KEY = 23505;
    static final int H2_DATABASE_IN_USE = 90020;

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)[^;&\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@\\s]*@");

    private SqlErrors() {}

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException each : chain(e)) {
            if (UNIQUE_VIOLATION.equals(each.getSQLState()) || isH2(each) && each.getErrorCode() == H2_DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    static boolean isForeignKeyViolation(SQLException e) {
        for (SQLException each : chain(e)) {
            String state = each.getSQLState();
            if (FOREIGN_KEY_VIOLATION.equals(state) || H2_PARENT_MISSING.equals(state)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDatabaseInUse(SQLException e) {
        for (SQLException each : chain(e)) {
            if (isH2(each) && each.getErrorCode() == H2_DATABASE_IN_USE) {
                return true;
            }
        }
        return false;
    }

    /** For failures of ordinary store operations: the SQLState only, never the driver's message. */
    static StorageException failure(String action, SQLException e) {
        return new StorageException("could not " + action + ": database error (SQLState " + state(e)
                + ", vendor code " + e.getErrorCode() + ")");
    }

    /**
     * For start-up failures, where the driver's own words (host refused, database missing, file in
     * use) are what the operator needs; credentials are cut out in case a driver echoes its URL.
     */
    static String describeForStartup(SQLException e) {
        SQLException root = e;
        for (SQLException each : chain(e)) {
            root = each;
        }
        String message = root.getMessage() == null ? "" : ": " + redact(root.getMessage());
        return "SQLState " + state(root) + message;
    }

    static String redact(String text) {
        return USER_INFO.matcher(PASSWORD.matcher(text).replaceAll("$1***")).replaceAll("//***@");
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "unknown" : e.getSQLState();
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }

    /** The exception, the exceptions it chains with getNextException (batches) and its SQL causes. */
    private static Set<SQLException> chain(SQLException e) {
        Set<SQLException> seen = new LinkedHashSet<>();
        @Nullable SQLException next = e;
        while (next != null && seen.add(next) && seen.size() < 20) {
            @Nullable SQLException following = next.getNextException();
            if (following == null && next.getCause() instanceof SQLException cause) {
                following = cause;
            }
            next = following;
        }
        return seen;
    }
}
