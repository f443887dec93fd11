package io.pactum.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerProblem.Kind;
import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.LedgerVerifier;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.Checkpoint;
import io.pactum.core.ledger.checkpoint.CheckpointNotes;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.MerkleHash;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with the ledger directly in the database, with plain SQL on a connection of its own as
 * someone with write access would: every change, deletion, reordering or insertion of an entry makes
 * {@link LedgerVerifier} fail and name the index; an untouched log verifies. A back end runs it by
 * extending this class.
 *
 * <p>The log: {@value #SIZE} entries written by the real {@link Ledger}, with signed checkpoints at
 * {@value #FIRST_CHECKPOINT} and {@value #SIZE}. Kept subtree hashes cover entries 0 to 2815 (eleven
 * level-8 subtrees); entries 2816 to 2999 are covered by the checkpoint alone.
 */
abstract class LedgerTamperContract {
    private static final String ORIGIN = "pactum.test/ledger";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    static final int SIZE = 3_000;
    static final int FIRST_CHECKPOINT = 1_000;

    /** Settings of a new, empty database of one back end. */
    protected abstract JdbcSettings newDatabase();

    private JdbcSettings settings;
    private JdbcDatabase database;
    private NoteSigner signer;

    @BeforeEach
    void writeLog() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new NoteSigner(ORIGIN, pair.getPrivate(), pair.getPublic());
        settings = newDatabase();
        database = JdbcDatabase.open(settings);
        try (Ledger ledger = Ledger.open(database.ledger(), EntrySealer.NONE, 64)) {
            writeUpTo(ledger, FIRST_CHECKPOINT);
            addCheckpoint(ledger.head());
            writeUpTo(ledger, SIZE);
            addCheckpoint(ledger.head());
        }
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private static void writeUpTo(Ledger ledger, long size) {
        // queue without waiting, then wait for the last: one writer, so every one before it is durable
        for (long i = ledger.size(); i < size - 1; i++) {
            ledger.record(event(i, "signal " + i));
        }
        ledger.append(event(size - 1, "signal " + (size - 1)));
    }

    private static AuditEvent event(long n, String detail) {
        return new AuditEvent(AuditEventType.SECURITY_SIGNAL, T0.plusMillis(n), AuditEvent.HUB, Map.of("detail", detail));
    }

    private void addCheckpoint(Ledger.TreeHead head) {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, head.size(), head.rootHash().bytes()).withTime(T0);
        database.ledger().addCheckpoint(new StoredCheckpoint(head.size(), T0, CheckpointNotes.sign(checkpoint, signer)));
    }

    private LedgerVerification verify() {
        return new LedgerVerifier(database.ledger(), ORIGIN, List.of(signer.verifierKey())).verify();
    }

    /** A well-formed entry for {@code index} that the hub never wrote. */
    private static byte[] forged(long index) {
        return LedgerEntry.of(index, event(index, "never happened")).canonicalBytes();
    }

    private static void assertFailsAt(LedgerVerification result, Kind kind, long index) {
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadIndex()).hasValue(index);
        assertThat(result.problems().get(0).kind()).isEqualTo(kind);
        assertThat(result.problems().get(0).message()).startsWith("entry " + index + ": ");
    }

    /** Runs statements in order in one transaction, on a connection outside the hub's pool. */
    private void sql(String... statements) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (String statement : statements) {
                try (PreparedStatement s = connection.prepareStatement(statement)) {
                    s.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    private void update(String statement, byte[] bytes, long index) throws SQLException {
        try (Connection connection = connect(); PreparedStatement s = connection.prepareStatement(statement)) {
            s.setBytes(1, bytes);
            s.setLong(2, index);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private String checkpointNote(long treeSize) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement s = connection.prepareStatement("SELECT note FROM ledger_checkpoints WHERE tree_size = ?")) {
            s.setLong(1, treeSize);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.url(), properties);
    }

    @Test
    void untouchedLog_verifies() {
        LedgerVerification result = verify();

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(SIZE);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void entryChanged_isFoundAtItsIndex() throws SQLException {
        update("UPDATE ledger_entries SET encoded = ? WHERE entry_index = ?", forged(1234), 1234);

        assertFailsAt(verify(), Kind.WRONG_LEAF_HASH, 1234);
    }

    @Test
    void entryAndLeafHashChanged_isFoundAtTheStartOfItsKeptSubtree() throws SQLException {
        update("UPDATE ledger_entries SET encoded = ? WHERE entry_index = ?", forged(1234), 1234);
        update("UPDATE ledger_entries SET leaf_hash = ? WHERE entry_index = ?", MerkleHash.leaf(forged(1234)).bytes(), 1234);

        assertFailsAt(verify(), Kind.WRONG_SUBTREE_HASH, 1024);
    }

    @Test
    void entryAndLeafHashChanged_pastTheKeptSubtrees_isFoundByTheCheckpoint_fromTheOneBeforeIt() throws SQLException {
        update("UPDATE ledger_entries SET encoded = ? WHERE entry_index = ?", forged(2900), 2900);
        update("UPDATE ledger_entries SET leaf_hash = ? WHERE entry_index = ?", MerkleHash.leaf(forged(2900)).bytes(), 2900);

        assertFailsAt(verify(), Kind.WRONG_CHECKPOINT_ROOT, FIRST_CHECKPOINT);
    }

    @Test
    void entryDeleted_isFoundAtItsIndex() throws SQLException {
        sql("DELETE FROM ledger_entries WHERE entry_index = 1500");

        LedgerVerification result = verify();

        assertFailsAt(result, Kind.MISSING_ENTRY, 1500);
        assertThat(result.entriesChecked()).isEqualTo(SIZE - 1);
    }

    @Test
    void twoEntriesReordered_areFoundAtTheFirst() throws SQLException {
        sql("UPDATE ledger_entries SET entry_index = -1 WHERE entry_index = 700",
                "UPDATE ledger_entries SET entry_index = 700 WHERE entry_index = 1700",
                "UPDATE ledger_entries SET entry_index = 1700 WHERE entry_index = -1");

        LedgerVerification result = verify();

        assertFailsAt(result, Kind.MOVED_ENTRY, 700);
        assertThat(result.messages()).anySatisfy(m -> assertThat(m).contains("row 1700 holds the entry encoded for index 700"));
    }

    @Test
    void entryInserted_shiftingTheLaterOnes_isFoundAtTheInsertedIndex() throws SQLException {
        // through negative values, so no UPDATE order ever collides on the primary key
        sql("UPDATE ledger_entries SET entry_index = -entry_index - 1 WHERE entry_index >= 2000",
                "UPDATE ledger_entries SET entry_index = -entry_index WHERE entry_index < 0");
        try (Connection connection = connect();
                PreparedStatement s = connection.prepareStatement(
                        "INSERT INTO ledger_entries (entry_index, encoded, leaf_hash) VALUES (2000, ?, ?)")) {
            s.setBytes(1, forged(2000));
            s.setBytes(2, MerkleHash.leaf(forged(2000)).bytes());
            s.executeUpdate();
        }

        LedgerVerification result = verify();

        assertFailsAt(result, Kind.MOVED_ENTRY, 2000);
        assertThat(result.messages().get(0)).contains("row 2001 holds the entry encoded for index 2000");
    }

    @Test
    void keptSubtreeHashChanged_isFoundAtItsStart() throws SQLException {
        byte[] other = Hash.of(new byte[Hash.SIZE]).bytes();
        try (Connection connection = connect();
                PreparedStatement s = connection.prepareStatement(
                        "UPDATE ledger_subtrees SET hash = ? WHERE level = 8 AND start_index = 512")) {
            s.setBytes(1, other);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertFailsAt(verify(), Kind.WRONG_SUBTREE_HASH, 512);
    }

    @Test
    void lastEntriesDeleted_areFoundAtTheNewEnd() throws SQLException {
        sql("DELETE FROM ledger_entries WHERE entry_index >= 2990");

        LedgerVerification result = verify();

        assertFailsAt(result, Kind.DELETED_TAIL, 2990);
        assertThat(result.messages().get(0)).contains("entries 2990 to 2999 were deleted");
    }

    @Test
    void checkpointNoteChanged_isRejected() throws SQLException {
        String note = checkpointNote(SIZE);
        try (Connection connection = connect();
                PreparedStatement s = connection.prepareStatement("UPDATE ledger_checkpoints SET note = ? WHERE tree_size = ?")) {
            s.setString(1, note.replace("\n" + SIZE + "\n", "\n" + (SIZE - 1) + "\n"));
            s.setLong(2, SIZE);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        LedgerVerification result = verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadIndex()).isEmpty();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.INVALID_CHECKPOINT));
    }
}
