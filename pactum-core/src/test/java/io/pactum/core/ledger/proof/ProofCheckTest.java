package io.pactum.core.ledger.proof;

import static io.pactum.core.ledger.proof.ProofTestLedger.ORIGIN;
import static io.pactum.core.ledger.proof.ProofTestLedger.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.MerkleHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proofs of a real 1,000-entry ledger verify, here and by an independent RFC 9162 verifier; tampered ones do not. */
class ProofCheckTest {
    private static final long SIZE = 1000;
    /** Sizes around powers of two and the kept subtree level (2^8), where tree shapes change. */
    private static final long[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 63, 64, 65, 255, 256, 257, 500, 511, 512, 513, 768, 999, 1000};

    private static ProofTestLedger log;
    private static List<NoteVerifierKey> trusted;
    private static final Map<Long, byte[]> INDEPENDENT_ROOTS = new HashMap<>();

    @BeforeAll
    static void fill() {
        log = ProofTestLedger.withEntries((int) SIZE);
        trusted = List.of(log.key());
        List<byte[]> entries = new ArrayList<>();
        for (StoredEntry entry : log.store.read(0, (int) SIZE)) {
            entries.add(entry.encoded());
        }
        for (long size : SIZES) {
            log.checkpoint(size, START.plusSeconds(size));
            INDEPENDENT_ROOTS.put(size, Rfc9162.treeHead(entries.subList(0, (int) size)));
        }
    }

    @AfterAll
    static void close() {
        log.ledger.close();
    }

    @Test
    void inclusionProofs_forSampledIndexesAndSizes_verify_hereAndByTheIndependentRfcVerifier() {
        int checked = 0;
        for (long size : SIZES) {
            for (long index : sampleIndexes(size)) {
                InclusionProofDocument doc = LedgerProofs.inclusion(log.ledger, ORIGIN, index, size);
                ProofCheckResult result = ProofCheck.check(doc, ORIGIN, trusted);

                assertThat(result.valid()).as("%s: %s", doc, result.reason()).isTrue();
                assertThat(result.entry()).isNotNull();
                assertThat(result.entry().index()).isEqualTo(index);
                assertThat(result.entry().details()).containsEntry("signal", "test-" + index);
                assertThat(doc.rootHash().bytes()).isEqualTo(INDEPENDENT_ROOTS.get(size));
                assertThat(Rfc9162.verifyInclusion(index, size, Rfc9162.leafHash(doc.entry()), bytes(doc.auditPath()),
                        INDEPENDENT_ROOTS.get(size))).as("independent check of %s", doc).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void consistencyProofs_betweenEverySampledPairOfSizes_verify_hereAndByTheIndependentRfcVerifier() {
        for (long from : SIZES) {
            for (long to : SIZES) {
                if (from > to) {
                    continue;
                }
                ConsistencyProofDocument doc = LedgerProofs.consistency(log.ledger, ORIGIN, from, to);
                ProofCheckResult result = ProofCheck.check(doc, ORIGIN, trusted);

                assertThat(result.valid()).as("%d → %d: %s", from, to, result.reason()).isTrue();
                assertThat(doc.fromRootHash().bytes()).isEqualTo(INDEPENDENT_ROOTS.get(from));
                assertThat(doc.toRootHash().bytes()).isEqualTo(INDEPENDENT_ROOTS.get(to));
                if (from < to) {
                    assertThat(Rfc9162.verifyConsistency(from, to, INDEPENDENT_ROOTS.get(from), INDEPENDENT_ROOTS.get(to),
                            bytes(doc.path()))).as("independent check of %d → %d", from, to).isTrue();
                } else {
                    assertThat(doc.path()).isEmpty();
                }
            }
        }
    }

    @Test
    void theIndependentVerifier_refusesWhatTheCheckRefuses() {
        // Guards the guard: a verifier that accepted everything would make the tests above vacuous.
        InclusionProofDocument doc = LedgerProofs.inclusion(log.ledger, ORIGIN, 417, SIZE);
        List<byte[]> path = bytes(doc.auditPath());
        path.get(3)[0] ^= 1;
        assertThat(Rfc9162.verifyInclusion(417, SIZE, Rfc9162.leafHash(doc.entry()), path, INDEPENDENT_ROOTS.get(SIZE))).isFalse();
        assertThat(Rfc9162.verifyInclusion(418, SIZE, Rfc9162.leafHash(doc.entry()), bytes(doc.auditPath()),
                INDEPENDENT_ROOTS.get(SIZE))).isFalse();
        ConsistencyProofDocument consistency = LedgerProofs.consistency(log.ledger, ORIGIN, 500, SIZE);
        assertThat(Rfc9162.verifyConsistency(500, SIZE, INDEPENDENT_ROOTS.get(511), INDEPENDENT_ROOTS.get(SIZE),
                bytes(consistency.path()))).isFalse();
    }

    @Test
    void inclusion_aFlippedBitInTheEntry_fails() {
        InclusionProofDocument doc = inclusion(417);
        byte[] entry = doc.entry();
        entry[entry.length - 1] ^= 1;

        assertFails(withEntry(doc, entry, doc.leafHash()), "leafHash:");
        // With a matching leaf hash the forgery gets past that check, and the path gives it away.
        assertFails(withEntry(doc, entry, MerkleHash.leaf(entry)), "auditPath:");
    }

    @Test
    void inclusion_aFlippedBitInAPathHash_fails() {
        InclusionProofDocument doc = inclusion(417);
        List<Hash> path = new ArrayList<>(doc.auditPath());
        path.set(4, path.get(4).withBitFlipped(17));

        assertFails(new InclusionProofDocument(ORIGIN, SIZE, 417, doc.entry(), doc.leafHash(), path, doc.rootHash(),
                doc.checkpoint()), "auditPath:");
    }

    @Test
    void inclusion_aWrongIndex_fails() {
        InclusionProofDocument doc = inclusion(417);
        assertFails(new InclusionProofDocument(ORIGIN, SIZE, 418, doc.entry(), doc.leafHash(), doc.auditPath(),
                doc.rootHash(), doc.checkpoint()), "leafIndex:");
        // Another real entry, passed off with this entry's path.
        InclusionProofDocument other = inclusion(418);
        assertFails(new InclusionProofDocument(ORIGIN, SIZE, 418, other.entry(), other.leafHash(), doc.auditPath(),
                doc.rootHash(), doc.checkpoint()), "auditPath:");
    }

    @Test
    void inclusion_aWrongSize_fails() {
        InclusionProofDocument doc = inclusion(417);
        assertFails(new InclusionProofDocument(ORIGIN, 999, 417, doc.entry(), doc.leafHash(), doc.auditPath(),
                doc.rootHash(), doc.checkpoint()), "checkpoint: covers tree size 1000, the proof is for 999");
        // Size, root and checkpoint all of 999, the path still of 1000.
        InclusionProofDocument at999 = LedgerProofs.inclusion(log.ledger, ORIGIN, 417, 999);
        assertFails(new InclusionProofDocument(ORIGIN, 999, 417, doc.entry(), doc.leafHash(), doc.auditPath(),
                at999.rootHash(), at999.checkpoint()), "auditPath:");
    }

    @Test
    void inclusion_aRootOtherThanTheSignedOne_fails() {
        InclusionProofDocument doc = inclusion(417);
        assertFails(new InclusionProofDocument(ORIGIN, SIZE, 417, doc.entry(), doc.leafHash(), doc.auditPath(),
                doc.rootHash().withBitFlipped(0), doc.checkpoint()), "rootHash:");
    }

    @Test
    void inclusion_aCheckpointByAnUntrustedKey_fails() {
        NoteSigner impostor = ProofTestLedger.signer(ORIGIN);
        assertFails(withCheckpoint(inclusion(417), log.note(SIZE, START, impostor, ORIGIN)),
                "checkpoint: the note carries no signature by a trusted key");
    }

    @Test
    void inclusion_aCheckpointForAnotherOrigin_fails_evenSignedByATrustedKey() {
        NoteSigner otherLog = ProofTestLedger.signer("other.test/ledger");
        String note = log.note(SIZE, START, otherLog, "other.test/ledger");
        ProofCheckResult result = ProofCheck.check(withCheckpoint(inclusion(417), note), ORIGIN,
                List.of(log.key(), otherLog.verifierKey()));

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).startsWith("checkpoint: the checkpoint is for origin other.test/ledger");
    }

    @Test
    void inclusion_aCheckpointForAnotherSize_fails() {
        assertFails(withCheckpoint(inclusion(417), log.note(999, START, log.signer, ORIGIN)),
                "checkpoint: covers tree size 999, the proof is for 1000");
    }

    @Test
    void inclusion_aMissingOrMalformedCheckpoint_fails() {
        assertFails(withCheckpoint(inclusion(417), null), "checkpoint: missing");
        assertFails(withCheckpoint(inclusion(417), "not a note"), "checkpoint: is not a signed checkpoint");
    }

    @Test
    void aDocumentForAnotherOrigin_fails() {
        InclusionProofDocument doc = LedgerProofs.inclusion(log.ledger, "other.test/ledger", 417, SIZE);
        assertFails(doc, "origin: the document is for other.test/ledger, not " + ORIGIN);
    }

    @Test
    void consistency_tamperedDocuments_fail() {
        ConsistencyProofDocument doc = LedgerProofs.consistency(log.ledger, ORIGIN, 500, SIZE);
        List<Hash> path = new ArrayList<>(doc.path());
        path.set(1, path.get(1).withBitFlipped(200));
        assertFails(consistency(doc, 500, SIZE, path, doc.fromCheckpoint(), doc.toCheckpoint()), "path:");
        assertFails(consistency(doc, 500, SIZE, doc.path().subList(0, doc.path().size() - 1), doc.fromCheckpoint(),
                doc.toCheckpoint()), "path:");
        assertFails(consistency(doc, 500, 999, doc.path(), doc.fromCheckpoint(), doc.toCheckpoint()),
                "toCheckpoint: covers tree size 1000, the proof is for 999");
        assertFails(consistency(doc, 500, SIZE, doc.path(), null, doc.toCheckpoint()), "fromCheckpoint: missing");
        assertFails(consistency(doc, 500, SIZE, doc.path(), doc.fromCheckpoint(),
                log.note(SIZE, START, ProofTestLedger.signer(ORIGIN), ORIGIN)), "toCheckpoint: the note carries no signature");
        assertFails(new ConsistencyProofDocument(ORIGIN, 500, SIZE, doc.fromRootHash().withBitFlipped(3), doc.toRootHash(),
                doc.path(), doc.fromCheckpoint(), doc.toCheckpoint()), "fromRootHash:");
    }

    @Test
    void aTrustedCheckpointGivenByTheUser_replacesTheAttachedOne() {
        // No checkpoint is stored for 700: the document carries none, the user has one.
        InclusionProofDocument doc = LedgerProofs.inclusion(log.ledger, ORIGIN, 123, 700);
        assertThat(doc.checkpoint()).isNull();
        String mine = log.note(700, START, log.signer, ORIGIN);

        assertThat(ProofCheck.check(doc, ORIGIN, trusted).reason()).startsWith("checkpoint: missing");
        ProofCheckResult result = ProofCheck.check(doc, ORIGIN, trusted, mine);
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.entry().index()).isEqualTo(123);
        // An attached forgery does not matter once the user brings their own checkpoint.
        String forged = log.note(700, START, ProofTestLedger.signer(ORIGIN), ORIGIN);
        assertThat(ProofCheck.check(withCheckpoint(doc, forged), ORIGIN, trusted, mine).valid()).isTrue();
    }

    @Test
    void aTrustedCheckpointGivenByTheUser_mustCoverTheProofsSize_andBeTrusted() {
        InclusionProofDocument doc = inclusion(417);
        ProofCheckResult otherSize = ProofCheck.check(doc, ORIGIN, trusted, log.note(999, START, log.signer, ORIGIN));
        assertThat(otherSize.valid()).isFalse();
        assertThat(otherSize.reason()).isEqualTo("trusted checkpoint: covers tree size 999, the proof is for 1000");

        ProofCheckResult untrusted = ProofCheck.check(doc, ORIGIN, trusted,
                log.note(SIZE, START, ProofTestLedger.signer(ORIGIN), ORIGIN));
        assertThat(untrusted.reason()).startsWith("trusted checkpoint: the note carries no signature by a trusted key");
    }

    @Test
    void consistency_withAGivenCheckpoint_anchorsTheEndItCovers() {
        // Neither 600 nor 700 has a stored checkpoint; the user trusts one for 700.
        ConsistencyProofDocument doc = LedgerProofs.consistency(log.ledger, ORIGIN, 600, 700);
        assertThat(doc.fromCheckpoint()).isNull();
        assertThat(doc.toCheckpoint()).isNull();
        String mine = log.note(700, START, log.signer, ORIGIN);

        // one signed end is not enough: the other tree would be one nobody vouched for
        assertThat(ProofCheck.check(doc, ORIGIN, trusted, mine).reason()).startsWith("fromCheckpoint: ");
        String signedFrom = log.note(600, START, log.signer, ORIGIN);
        assertThat(ProofCheck.check(consistency(doc, 600, 700, doc.path(), signedFrom, null), ORIGIN, trusted, mine)
                .valid()).isTrue();
        assertThat(ProofCheck.check(doc, ORIGIN, trusted, log.note(650, START, log.signer, ORIGIN)).reason())
                .isEqualTo("trusted checkpoint: covers tree size 650, the proof is from 600 to 700");
        // An attached checkpoint at the other end is still checked.
        String forged = log.note(600, START, ProofTestLedger.signer(ORIGIN), ORIGIN);
        assertFails(consistency(doc, 600, 700, doc.path(), forged, null), "fromCheckpoint: the note carries no signature",
                mine);
    }

    @Test
    void failureReasons_areOneLine() {
        String garbled = "pactum.test/ledger\n1000\n\n— x\n";
        ProofCheckResult result = ProofCheck.check(withCheckpoint(inclusion(417), garbled), ORIGIN, trusted);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).doesNotContain("\n");
    }

    private static InclusionProofDocument inclusion(long index) {
        return LedgerProofs.inclusion(log.ledger, ORIGIN, index, SIZE);
    }

    private static InclusionProofDocument withEntry(InclusionProofDocument doc, byte[] entry, Hash leafHash) {
        return new InclusionProofDocument(doc.origin(), doc.treeSize(), doc.leafIndex(), entry, leafHash, doc.auditPath(),
                doc.rootHash(), doc.checkpoint());
    }

    private static InclusionProofDocument withCheckpoint(InclusionProofDocument doc, String note) {
        return new InclusionProofDocument(doc.origin(), doc.treeSize(), doc.leafIndex(), doc.entry(), doc.leafHash(),
                doc.auditPath(), doc.rootHash(), note);
    }

    private static ConsistencyProofDocument consistency(ConsistencyProofDocument doc, long from, long to, List<Hash> path,
            String fromNote, String toNote) {
        return new ConsistencyProofDocument(ORIGIN, from, to, doc.fromRootHash(), doc.toRootHash(), path, fromNote, toNote);
    }

    private static void assertFails(ProofDocument doc, String reasonStart) {
        ProofCheckResult result = ProofCheck.check(doc, ORIGIN, trusted);
        assertThat(result.valid()).as(result.reason()).isFalse();
        assertThat(result.reason()).startsWith(reasonStart);
        assertThat(result.entry()).isNull();
    }

    private static void assertFails(ProofDocument doc, String reasonStart, String given) {
        ProofCheckResult result = ProofCheck.check(doc, ORIGIN, trusted, given);
        assertThat(result.valid()).as(result.reason()).isFalse();
        assertThat(result.reason()).startsWith(reasonStart);
    }

    /** Both ends, the middle, and random indexes drawn from a fixed seed. */
    private static TreeSet<Long> sampleIndexes(long size) {
        TreeSet<Long> indexes = new TreeSet<>(List.of(0L, size / 2, size - 1));
        if (size > 1) {
            indexes.add(1L);
            indexes.add(size - 2);
        }
        Random random = new Random(size);
        for (int i = 0; i < 5; i++) {
            indexes.add((long) random.nextInt((int) size));
        }
        return indexes;
    }

    private static List<byte[]> bytes(List<Hash> hashes) {
        List<byte[]> bytes = new ArrayList<>();
        hashes.forEach(h -> bytes.add(h.bytes()));
        return bytes;
    }
}
