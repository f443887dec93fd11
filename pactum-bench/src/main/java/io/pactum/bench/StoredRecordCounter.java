package io.pactum.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * Polls the number of stored device records on its own JDBC connection to the hub's embedded H2
 * database (same JVM, same URL, so the same open database). {@code COUNT(*)} without a condition is
 * answered from H2's row count, so a poll is cheap next to the ingest it observes.
 */
final class StoredRecordCounter implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement count;
    private final Thread poller;
    private volatile long latest;
    private volatile LongConsumer listener = v -> { };
    private volatile boolean running = true;

    StoredRecordCounter(String jdbcUrl, long pollMillis) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, "", "");
        this.count = connection.prepareStatement("SELECT COUNT(*) FROM device_records");
        this.latest = countNow();
        this.poller = new Thread(() -> poll(pollMillis), "bench-record-counter");
        poller.setDaemon(true);
        poller.start();
    }

    /** The exact count, now (also used for the final check). */
    synchronized long countNow() throws SQLException {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The exact number of rows of another of the hub's tables (e.g. {@code outbox}), now. */
    synchronized long countRows(String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        try (PreparedStatement rows = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = rows.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The count at the last poll. */
    long latest() {
        return latest;
    }

    void onCount(LongConsumer listener) {
        this.listener = listener;
    }

    private void poll(long pollMillis) {
        while (running) {
            try {
                latest = countNow();
                listener.accept(latest);
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (running) {
                    System.err.println("record count poll failed: " + e.getMessage());
                }
                return;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        poller.interrupt();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            connection.close();
        }
    }
}
