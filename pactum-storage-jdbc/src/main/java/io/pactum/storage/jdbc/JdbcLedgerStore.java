package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.ledger.LedgerBatch;
import io.pactum.core.ledger.LedgerStore;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.SubtreeHash;
import io.pactum.core.ledger.merkle.Hash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit ledger over JDBC. An append takes a one-row lock, reads the size and inserts its entries
 * and subtree hashes in one transaction, so concurrent appenders, also through other pools on the
 * same database, run one after the other: the one that finds the size moved fails with a conflict
 * and leaves nothing behind.
 */
final class JdbcLedgerStore implements LedgerStore {
    private static final SqlStatements SQL = SqlStatements.load("ledger.sql");
    private static final String LOCK = SQL.get("lock");
    private static final String SIZE = SQL.get("size");
    private static final String INSERT_ENTRY = SQL.get("insertEntry");
    private static final String INSERT_SUBTREE = SQL.get("insertSubtree");
    private static final String READ = SQL.get("read");
    private static final String FIND_SUBTREE = SQL.get("findSubtree");
    private static final String SUBTREE_ROW = SQL.get("subtreeRow");
    private static final String INSERT_CHECKPOINT = SQL.get("insertCheckpoint");
    private static final String LIST_CHECKPOINTS = SQL.get("listCheckpoints");
    private static final String LATEST_CHECKPOINT = SQL.get("latestCheckpoint");
    private static final String CHECKPOINT_PAGE = SQL.get("checkpointPage");
    private static final String CHECKPOINT_OF_SIZE = SQL.get("checkpointOfSize");

    private final Jdbc jdbc;

    JdbcLedgerStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long size() {
        try {
            return jdbc.withConnection(JdbcLedgerStore::size);
        } catch (SQLException e) {
            throw SqlErrors.failure("read the ledger size", e);
        }
    }

    @Override
    public void append(List<StoredEntry> entries, List<SubtreeHash> subtrees) {
        List<StoredEntry> given = List.copyOf(entries);
        List<SubtreeHash> hashes = List.copyOf(subtrees);
        if (given.isEmpty()) {
            if (!hashes.isEmpty()) {
                throw new IllegalArgumentException("subtree hashes come with the entries that complete them");
            }
            return;
        }
        long first = given.get(0).index();
        checkContiguous(given, first);
        checkWithin(hashes, first + given.size());
        try {
            jdbc.inTransaction(c -> {
                insert(c, given, hashes);
                return null;
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // a subtree hash kept already (or a writer that skipped the lock); the rollback left nothing behind
                throw new ConflictException("index", "ledger entry " + first
                        + " or one of its subtree hashes is already stored");
            }
            throw SqlErrors.failure("append to the ledger", e);
        }
    }

    /**
     * Writes a batch inside the caller's transaction (a record store's, so that a record, its
     * releases and their ledger entries commit together). Takes the ledger's row lock until that
     * transaction ends and checks the batch continues the stored ledger.
     */
    static void insertInTransaction(Connection c, LedgerBatch batch) throws SQLException {
        checkContiguous(batch.entries(), batch.firstIndex());
        checkWithin(batch.subtrees(), batch.sizeAfter());
        insert(c, batch.entries(), batch.subtrees());
    }

    private static void insert(Connection c, List<StoredEntry> entries, List<SubtreeHash> subtrees) throws SQLException {
        long first = entries.get(0).index();
        // serialises appenders until commit; the size read after it is the committed one
        Jdbc.query(c, LOCK, s -> { }, row -> Boolean.TRUE);
        long size = size(c);
        if (first != size) {
            throw notNext(first, size);
        }
        insertEntries(c, entries);
        insertSubtrees(c, subtrees);
    }

    @Override
    public List<Hash> subtrees(int level, long fromStart, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        long width = 1L << level;
        try {
            return jdbc.query(SUBTREE_ROW, s -> {
                s.setInt(1, level);
                s.setLong(2, fromStart);
                s.setLong(3, fromStart + (count - 1) * width);
            }, row -> Hash.of(row.getBytes("hash")));
        } catch (SQLException e) {
            throw SqlErrors.failure("read ledger subtree hashes", e);
        }
    }

    @Override
    public List<StoredEntry> read(long fromIndex, int limit) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("fromIndex must not be negative");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        try {
            return jdbc.query(READ, s -> {
                s.setLong(1, fromIndex);
                s.setInt(2, limit);
            }, row -> new StoredEntry(row.getLong("entry_index"), row.getBytes("encoded"),
                    Hash.of(row.getBytes("leaf_hash"))));
        } catch (SQLException e) {
            throw SqlErrors.failure("read the ledger", e);
        }
    }

    @Override
    public Optional<Hash> subtree(long start, int level) {
        try {
            return jdbc.queryOne(FIND_SUBTREE, s -> {
                s.setInt(1, level);
                s.setLong(2, start);
            }, row -> Hash.of(row.getBytes("hash")));
        } catch (SQLException e) {
            throw SqlErrors.failure("read a ledger subtree hash", e);
        }
    }

    @Override
    public void addCheckpoint(StoredCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        try {
            jdbc.update(INSERT_CHECKPOINT, s -> {
                s.setLong(1, checkpoint.size());
                Jdbc.setInstant(s, 2, checkpoint.time());
                s.setString(3, checkpoint.note());
            });
        } catch (SQLException e) {
            throw SqlErrors.failure("store a ledger checkpoint", e);
        }
    }

    @Override
    public List<StoredCheckpoint> checkpoints() {
        try {
            return jdbc.query(LIST_CHECKPOINTS, s -> { }, JdbcLedgerStore::mapCheckpoint);
        } catch (SQLException e) {
            throw SqlErrors.failure("list ledger checkpoints", e);
        }
    }

    @Override
    public List<StoredCheckpoint> checkpoints(long from, int limit) {
        try {
            return jdbc.query(CHECKPOINT_PAGE, s -> {
                s.setInt(1, limit);
                s.setLong(2, from);
            }, JdbcLedgerStore::mapCheckpoint);
        } catch (SQLException e) {
            throw SqlErrors.failure("list ledger checkpoints", e);
        }
    }

    @Override
    public Optional<StoredCheckpoint> checkpointOfSize(long size) {
        try {
            return jdbc.queryOne(CHECKPOINT_OF_SIZE, s -> s.setLong(1, size), JdbcLedgerStore::mapCheckpoint);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a ledger checkpoint", e);
        }
    }

    @Override
    public Optional<StoredCheckpoint> latestCheckpoint() {
        try {
            return jdbc.queryOne(LATEST_CHECKPOINT, s -> { }, JdbcLedgerStore::mapCheckpoint);
        } catch (SQLException e) {
            throw SqlErrors.failure("read the latest ledger checkpoint", e);
        }
    }

    private static long size(Connection c) throws SQLException {
        return Jdbc.query(c, SIZE, s -> { }, row -> row.getLong("size")).get(0);
    }

    private static void checkContiguous(List<StoredEntry> entries, long first) {
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).index() != first + i) {
                throw new ConflictException("index", "ledger entries must have contiguous indexes: expected "
                        + (first + i) + ", got " + entries.get(i).index());
            }
        }
    }

    /** A subtree hash must cover only leaves that exist once this append is stored. */
    private static void checkWithin(List<SubtreeHash> subtrees, long sizeAfter) {
        for (SubtreeHash subtree : subtrees) {
            if (subtree.start() + (1L << subtree.level()) > sizeAfter) {
                throw new IllegalArgumentException("subtree at " + subtree.start() + " level " + subtree.level()
                        + " reaches beyond the " + sizeAfter + " entries the ledger will hold");
            }
        }
    }

    private static ConflictException notNext(long first, long size) {
        return new ConflictException("index", "the next ledger index is " + size + ", not " + first
                + " (another writer appended, or the entries leave a gap)");
    }

    private static void insertEntries(Connection c, List<StoredEntry> entries) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_ENTRY)) {
            for (StoredEntry entry : entries) {
                s.setLong(1, entry.index());
                s.setBytes(2, entry.encoded());
                s.setBytes(3, entry.leafHash().bytes());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertSubtrees(Connection c, List<SubtreeHash> subtrees) throws SQLException {
        if (subtrees.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_SUBTREE)) {
            for (SubtreeHash subtree : subtrees) {
                s.setInt(1, subtree.level());
                s.setLong(2, subtree.start());
                s.setBytes(3, subtree.hash().bytes());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static StoredCheckpoint mapCheckpoint(ResultSet row) throws SQLException {
        return new StoredCheckpoint(row.getLong("tree_size"), Jdbc.getRequiredInstant(row, "created_at"),
                row.getString("note"));
    }
}
