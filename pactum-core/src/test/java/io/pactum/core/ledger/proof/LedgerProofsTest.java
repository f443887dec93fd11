package io.pactum.core.ledger.proof;

import static io.pactum.core.ledger.proof.ProofTestLedger.ORIGIN;
import static io.pactum.core.ledger.proof.ProofTestLedger.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.merkle.MerkleHash;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LedgerProofsTest {
    private static ProofTestLedger log;

    @BeforeAll
    static void fill() {
        log = ProofTestLedger.withEntries(20);
    }

    @AfterAll
    static void close() {
        log.ledger.close();
    }

    @Test
    void anInclusionDocument_carriesTheStoredEntry_itsPath_andTheRoot() {
        InclusionProofDocument doc = LedgerProofs.inclusion(log.ledger, ORIGIN, 5, 13);

        assertThat(doc.origin()).isEqualTo(ORIGIN);
        assertThat(doc.entry()).isEqualTo(log.store.read(5, 1).get(0).encoded());
        assertThat(doc.leafHash()).isEqualTo(MerkleHash.leaf(doc.entry()));
        assertThat(doc.auditPath()).isEqualTo(log.ledger.tree(13).inclusionProof(5, 13));
        assertThat(doc.rootHash()).isEqualTo(log.ledger.tree(13).rootHash(13));
    }

    @Test
    void theNewestStoredCheckpointOfTheSize_isAttached_andNoneWhenThereIsNone() {
        log.checkpoint(12, START);
        String newer = log.checkpoint(12, START.plusSeconds(60));
        log.checkpoint(11, START.plusSeconds(120));

        assertThat(LedgerProofs.inclusion(log.ledger, ORIGIN, 3, 12).checkpoint()).isEqualTo(newer);
        assertThat(LedgerProofs.inclusion(log.ledger, ORIGIN, 3, 14).checkpoint()).isNull();
        ConsistencyProofDocument consistency = LedgerProofs.consistency(log.ledger, ORIGIN, 12, 14);
        assertThat(consistency.fromCheckpoint()).isEqualTo(newer);
        assertThat(consistency.toCheckpoint()).isNull();
    }

    @Test
    void aConsistencyDocument_carriesBothRootsAndThePath() {
        ConsistencyProofDocument doc = LedgerProofs.consistency(log.ledger, ORIGIN, 6, 20);

        assertThat(doc.fromRootHash()).isEqualTo(log.ledger.tree(6).rootHash(6));
        assertThat(doc.toRootHash()).isEqualTo(log.ledger.head().rootHash());
        assertThat(doc.path()).isEqualTo(log.ledger.tree(20).consistencyProof(6, 20));
    }

    @Test
    void badArguments_areInvalidInput_namingTheArgument() {
        assertInvalid(() -> LedgerProofs.inclusion(log.ledger, ORIGIN, 13, 13), "index", "entry 13 is not in a tree of 13");
        assertInvalid(() -> LedgerProofs.inclusion(log.ledger, ORIGIN, -1, 13), "index", "entry -1");
        assertInvalid(() -> LedgerProofs.inclusion(log.ledger, ORIGIN, 0, 21), "treeSize", "not within 0..20");
        assertInvalid(() -> LedgerProofs.inclusion(log.ledger, ORIGIN, 0, 0), "treeSize", "at least one entry");
        assertInvalid(() -> LedgerProofs.consistency(log.ledger, ORIGIN, 8, 7), "fromSize", "larger than to size 7");
        assertInvalid(() -> LedgerProofs.consistency(log.ledger, ORIGIN, 0, 7), "fromSize", "at least 1");
        assertInvalid(() -> LedgerProofs.consistency(log.ledger, ORIGIN, 3, 21), "toSize", "not within 0..20");
    }

    private static void assertInvalid(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).contains(field)).hasMessageContaining(message);
    }
}
