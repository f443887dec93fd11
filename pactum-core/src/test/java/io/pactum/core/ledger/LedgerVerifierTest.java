package io.pactum.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.LedgerProblem.Kind;
import io.pactum.core.ledger.checkpoint.Checkpoint;
import io.pactum.core.ledger.checkpoint.CheckpointNotes;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.merkle.MerkleHash;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger verifier over logs written by the real {@link Ledger}, then tampered with row by row:
 * each change is found and named by the first index it puts in doubt, exactly where the entries
 * show it, else the lower bound the last matching checkpoint gives.
 */
class LedgerVerifierTest {
    private static final String ORIGIN = "pactum.test/ledger";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private static final NoteSigner SIGNER = signer(ORIGIN);

    private final InMemoryLedgerStore store = new InMemoryLedgerStore();

    private static NoteSigner signer(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(name, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditEvent event(long n) {
        return new AuditEvent(AuditEventType.SECURITY_SIGNAL, T0.plusMillis(n), AuditEvent.HUB,
                Map.of("detail", "signal " + n));
    }

    /** Writes entries through the real writer up to each of {@code sizes}, signing a checkpoint at each. */
    private void writeLog(long... sizes) {
        try (Ledger ledger = Ledger.open(store, EntrySealer.NONE, 256)) {
            for (long size : sizes) {
                while (ledger.size() < size) {
                    long n = ledger.size();
                    long batchEnd = Math.min(size, n + 5_000);
                    // queue without waiting, then wait for the last: one writer, so all before it are durable
                    for (long i = n; i < batchEnd - 1; i++) {
                        ledger.record(event(i));
                    }
                    ledger.append(event(batchEnd - 1));
                }
                addCheckpoint(ledger.head(), SIGNER);
            }
        }
    }

    private void addCheckpoint(Ledger.TreeHead head, NoteSigner signer) {
        Checkpoint checkpoint = new Checkpoint(signer.keyName(), head.size(), head.rootHash().bytes()).withTime(T0);
        store.addCheckpoint(new StoredCheckpoint(head.size(), T0, CheckpointNotes.sign(checkpoint, signer)));
    }

    private LedgerVerification verify() {
        return new LedgerVerifier(store, ORIGIN, List.of(SIGNER.verifierKey())).verify();
    }

    /** A well-formed entry for {@code index} that the hub never wrote. */
    private static byte[] forged(long index) {
        return LedgerEntry.of(index, new AuditEvent(AuditEventType.SECURITY_SIGNAL, T0, "intruder",
                Map.of("detail", "never happened"))).canonicalBytes();
    }

    private static void assertFails(LedgerVerification result, Kind kind, long firstBadIndex) {
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadIndex()).hasValue(firstBadIndex);
        assertThat(result.problems().get(0).kind()).isEqualTo(kind);
        assertThat(result.problems().get(0).index()).isEqualTo(firstBadIndex);
        assertThat(result.problems().get(0).message()).startsWith("entry " + firstBadIndex + ": ");
    }

    // ---- untouched logs ----

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255, 256, 257, 1000, 70_000})
    void untouchedLog_verifies(int size) {
        writeLog(size / 3, size);

        LedgerVerification result = verify();

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.firstBadIndex()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(size);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void aLogWhoseCheckpointsWereDeleted_doesNotVerify_butItsEntriesAreStillChecked() {
        writeLog(600);
        store.deleteCheckpoints();

        LedgerVerification result = verify();

        // without a signed head nothing proves the entries: a rewrite plus deleted checkpoints would pass
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.NO_TRUSTED_CHECKPOINT));
        assertThat(result.entriesChecked()).isEqualTo(600);
        assertThat(result.provenSize()).isZero();
    }

    @Test
    void aCheckpointHeldElsewhere_catchesARewriteWhoseStoredCheckpointsWereDeleted() {
        writeLog(600);
        String kept = store.checkpoints().get(store.checkpoints().size() - 1).note();
        // a careful forger: a well-formed entry at index 10, its leaf hash and every kept hash redone
        byte[] forged = LedgerEntry.of(10, new AuditEvent(AuditEventType.SECURITY_SIGNAL, T0, "hub",
                Map.of("forged", "yes"))).canonicalBytes();
        store.replaceEncoded(10, forged);
        store.replaceLeafHash(10, MerkleHash.leaf(forged));
        store.recomputeSubtrees();
        store.deleteCheckpoints();

        assertThat(verify().problems()).extracting(LedgerProblem::kind)
                .containsExactly(Kind.NO_TRUSTED_CHECKPOINT);
        LedgerVerification result = new LedgerVerifier(store, ORIGIN, List.of(SIGNER.verifierKey()), List.of(kept))
                .verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(LedgerProblem::kind)
                .containsExactly(Kind.WRONG_CHECKPOINT_ROOT);
    }

    @Test
    void verify_readsInPages_notTheWholeLog() {
        writeLog(25_000);

        assertThat(verify().ok()).isTrue();
        assertThat(store.largestRead()).isLessThanOrEqualTo(LedgerVerifier.PAGE_SIZE);
    }

    // ---- entries changed ----

    @Test
    void entryBytesChanged_isFoundAtThatEntry() {
        writeLog(100, 600, 1000);
        store.replaceEncoded(300, forged(300));

        LedgerVerification result = verify();

        assertFails(result, Kind.WRONG_LEAF_HASH, 300);
        assertThat(result.problems()).hasSize(1);
    }

    @Test
    void entryBytesChangedToGarbage_isUnreadableAtThatEntry() {
        writeLog(1000);
        byte[] entry = store.encoded(42);
        byte[] trailing = Arrays.copyOf(entry, entry.length + 1);
        store.replaceEncoded(42, trailing);
        store.replaceLeafHash(42, MerkleHash.leaf(trailing));

        LedgerVerification result = verify();

        assertFails(result, Kind.UNREADABLE_ENTRY, 42);
        assertThat(result.problems().get(0).message()).contains("trailing bytes");
    }

    @Test
    void entryAndLeafHashChanged_insideAKeptSubtree_isFoundAtTheSubtreeStart() {
        writeLog(100, 600, 1000);
        store.replaceEncoded(300, forged(300));
        store.replaceLeafHash(300, MerkleHash.leaf(forged(300)));

        LedgerVerification result = verify();

        assertFails(result, Kind.WRONG_SUBTREE_HASH, 256);
        assertThat(result.problems().get(0).message()).contains("entries 256 to 511");
    }

    @Test
    void entryAndLeafHashChanged_pastTheLastKeptSubtree_isFoundByTheCheckpoint_fromTheLastOneThatMatched() {
        writeLog(100, 600, 1000);
        store.replaceEncoded(900, forged(900));
        store.replaceLeafHash(900, MerkleHash.leaf(forged(900)));

        LedgerVerification result = verify();

        assertFails(result, Kind.WRONG_CHECKPOINT_ROOT, 600);
        assertThat(result.problems().get(0).message()).contains("checkpoint #3 (size 1000)", "from 600 to 999");
    }

    @Test
    void entryLeafAndKeptHashesAllRecomputed_isFoundByTheCheckpoint_fromTheLastOneThatMatched() {
        writeLog(100, 600, 1000);
        store.replaceEncoded(300, forged(300));
        store.replaceLeafHash(300, MerkleHash.leaf(forged(300)));
        store.recomputeSubtrees();

        assertFails(verify(), Kind.WRONG_CHECKPOINT_ROOT, 100);
    }

    @Test
    void entryChanged_inALargeLog_withEveryHashRecomputed_isBoundedByTheCheckpointBelowIt() {
        writeLog(65_536, 70_000);
        store.replaceEncoded(66_000, forged(66_000));
        store.replaceLeafHash(66_000, MerkleHash.leaf(forged(66_000)));
        store.recomputeSubtrees();

        LedgerVerification result = verify();

        assertFails(result, Kind.WRONG_CHECKPOINT_ROOT, 65_536);
        assertThat(result.entriesChecked()).isEqualTo(70_000);
    }

    // ---- rows deleted, moved, inserted ----

    @Test
    void rowDeleted_isFoundAtItsIndex() {
        writeLog(100, 600, 1000);
        store.deleteRow(400);

        LedgerVerification result = verify();

        assertFails(result, Kind.MISSING_ENTRY, 400);
        assertThat(result.problems()).hasSize(1);
        assertThat(result.entriesChecked()).isEqualTo(999);
    }

    @Test
    void rowDeleted_atAPageBoundary_ofALargeLog_isFoundAtItsIndex() {
        writeLog(70_000);
        store.deleteRow(LedgerVerifier.PAGE_SIZE);

        assertFails(verify(), Kind.MISSING_ENTRY, LedgerVerifier.PAGE_SIZE);
    }

    @Test
    void twoRowsSwapped_areFoundAtTheFirst_andBothNamed() {
        writeLog(100, 600, 1000);
        store.swapRows(10, 20);

        LedgerVerification result = verify();

        assertFails(result, Kind.MOVED_ENTRY, 10);
        assertThat(result.messages()).anySatisfy(m -> assertThat(m).contains("row 10 holds the entry encoded for index 20"));
        assertThat(result.messages()).anySatisfy(m -> assertThat(m).contains("row 20 holds the entry encoded for index 10"));
    }

    @Test
    void rowInserted_shiftingTheRest_isFoundAtTheInsertedIndex() {
        writeLog(100, 600, 1000);
        store.insertRow(500, forged(500), MerkleHash.leaf(forged(500)));

        LedgerVerification result = verify();

        assertFails(result, Kind.MOVED_ENTRY, 500);
        assertThat(result.problems().get(0).message()).contains("row 501 holds the entry encoded for index 500");
        assertThat(result.problems()).hasSize(LedgerVerifier.MAX_PROBLEMS);
        assertThat(result.problemsFound()).isGreaterThanOrEqualTo(LedgerVerifier.MAX_PROBLEMS);
    }

    @Test
    void rowDeleted_withTheRestShiftedDown_isFoundAtItsIndex() {
        writeLog(1000);
        store.deleteRowAndShift(700);

        assertFails(verify(), Kind.MOVED_ENTRY, 700);
    }

    @Test
    void tailDeleted_isFoundAtTheNewEnd_byACheckpointThatCoveredIt() {
        writeLog(100, 600, 1000);
        store.deleteFrom(950);

        LedgerVerification result = verify();

        assertFails(result, Kind.DELETED_TAIL, 950);
        assertThat(result.problems().get(0).message()).contains("entries 950 to 999 were deleted");
    }

    // ---- kept hashes changed ----

    @Test
    void keptSubtreeHashChanged_isFoundAtItsStart() {
        writeLog(100, 600, 1000);
        store.replaceSubtree(512, 8, store.subtree(0, 8).orElseThrow());

        assertFails(verify(), Kind.WRONG_SUBTREE_HASH, 512);
    }

    @Test
    void keptSubtreeHashDeleted_isFoundAtItsStart() {
        writeLog(70_000);
        store.deleteSubtree(0, 16);

        LedgerVerification result = verify();

        assertFails(result, Kind.WRONG_SUBTREE_HASH, 0);
        assertThat(result.problems().get(0).message()).contains("entries 0 to 65535 (level 16) is missing");
    }

    // ---- checkpoints ----

    @Test
    void checkpointSignedByAnotherKey_isNamed_withoutAnEntryIndex() {
        writeLog(1000);
        try (Ledger ledger = Ledger.open(store, EntrySealer.NONE, 8)) {
            addCheckpoint(ledger.head(), signer(ORIGIN));
        }

        LedgerVerification result = verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadIndex()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.INVALID_CHECKPOINT);
            assertThat(p.message()).startsWith("checkpoint #2 (stored for size 1000): ");
        });
        assertThat(result.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void checkpointOfAnotherOrigin_signedByATrustedKey_isRejected() {
        writeLog(1000);
        NoteSigner other = signer("other.test/ledger");
        try (Ledger ledger = Ledger.open(store, EntrySealer.NONE, 8)) {
            addCheckpoint(ledger.head(), other);
        }

        LedgerVerification result = new LedgerVerifier(store, ORIGIN, List.of(SIGNER.verifierKey(), other.verifierKey())).verify();

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.INVALID_CHECKPOINT);
            assertThat(p.message()).contains("origin other.test/ledger");
        });
    }

    @Test
    void checkpointNoteAltered_isRejected_andEveryOtherCheckpointStillChecked() {
        writeLog(100, 600, 1000);
        String note = store.checkpoints().get(1).note();
        store.replaceCheckpointNote(1, note.replace("\n600\n", "\n601\n"));
        store.replaceCheckpointNote(2, store.checkpoints().get(2).note() + "garbage\n");

        LedgerVerification result = verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadIndex()).isEmpty();
        assertThat(result.problems()).extracting(LedgerProblem::kind)
                .containsExactly(Kind.INVALID_CHECKPOINT, Kind.INVALID_CHECKPOINT);
        assertThat(result.messages().get(0)).startsWith("checkpoint #2 ");
        assertThat(result.messages().get(1)).startsWith("checkpoint #3 ");
    }

    @Test
    void entryProblemsAreListedBeforeCheckpointProblems() {
        writeLog(100, 600, 1000);
        store.replaceCheckpointNote(0, "not a note");
        store.replaceEncoded(700, forged(700));

        LedgerVerification result = verify();

        assertThat(result.problems()).extracting(LedgerProblem::kind)
                .containsExactly(Kind.WRONG_LEAF_HASH, Kind.INVALID_CHECKPOINT);
        assertThat(result.firstBadIndex()).hasValue(700);
    }
}
