package io.pactum.storage.jdbc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the database is and how many connections to keep. Only H2 and PostgreSQL URLs are
 * accepted: those are the databases the migrations are written and tested for.
 *
 * @param url JDBC URL, {@code jdbc:h2:...} or {@code jdbc:postgresql://host:port/database}
 * @param user database user, or {@code null} for the driver's default
 * @param password database password, or {@code null}; never logged nor shown
 * @param maxPoolSize upper bound of open connections, 1 to 1000
 */
public record JdbcSettings(String url, @Nullable String user, @Nullable String password, int maxPoolSize) {
    public static final int MAX_POOL_SIZE = 1000;

    public JdbcSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:h2: or jdbc:postgresql:"
                    + " (for example jdbc:postgresql://localhost:5432/pactum), but starts with '"
                    + SqlErrors.redact(url.length() > 16 ? url.substring(0, 16) + "..." : url) + "'");
        }
        if (maxPoolSize < 1 || maxPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("the database pool size must be between 1 and " + MAX_POOL_SIZE
                    + ", but is " + maxPoolSize);
        }
    }

    /** The URL with any password written into it masked, for messages and logs. */
    public String redactedUrl() {
        return SqlErrors.redact(url);
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
