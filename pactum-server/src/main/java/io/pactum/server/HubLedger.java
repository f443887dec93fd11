package io.pactum.server;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.Checkpoint;
import io.pactum.core.ledger.checkpoint.CheckpointNotes;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.subject.SubjectSealer;
import io.pactum.storage.jdbc.JdbcDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's audit ledger and the signer of its checkpoints. A new ledger begins with an entry that
 * names the hub's checkpoint key, and with a first checkpoint, so that even an empty hub has a
 * signed head to verify against.
 */
final class HubLedger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubLedger.class);
    /** Most entries written in one ledger transaction. */
    private static final int MAX_BATCH = 512;

    private final Ledger ledger;
    private final LedgerCheckpoints checkpoints;
    private final SubjectSealer sealer;

    private HubLedger(Ledger ledger, LedgerCheckpoints checkpoints, SubjectSealer sealer) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.sealer = sealer;
    }

    /** The ledger in {@code database}; details about a data subject are sealed under the subject's key. */
    static HubLedger open(JdbcDatabase database, SubjectSealer sealer, NoteSigner signer, Clock clock) {
        Ledger ledger = Ledger.open(database.ledger(), sealer, MAX_BATCH);
        try {
            LedgerCheckpoints checkpoints = new LedgerCheckpoints(ledger, signer, clock);
            checkpoints.latest().ifPresent(latest -> requireUnchangedSince(ledger, latest, checkpoints));
            if (ledger.size() == 0) {
                ledger.append(new AuditEvent(AuditEventType.LEDGER_STARTED, clock.instant(), AuditEvent.HUB, Map.of(
                        "origin", checkpoints.origin(),
                        "checkpointKey", checkpoints.verifierKey().encoded(),
                        "entryEncoding", Integer.toString(LedgerEntry.VERSION))));
                checkpoints.checkpoint();
                LOG.info("started the audit ledger {}; checkpoints verify with {}", checkpoints.origin(),
                        checkpoints.verifierKey().encoded());
            }
            return new HubLedger(ledger, checkpoints, sealer);
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    /**
     * The stored log must still have the root the hub signed last, or the hub would sign a rewritten
     * history with its own key from now on. O(log n) reads; the full check is pactum audit verify.
     */
    private static void requireUnchangedSince(Ledger ledger, StoredCheckpoint latest, LedgerCheckpoints checkpoints) {
        Checkpoint signed;
        try {
            signed = CheckpointNotes.open(latest.note(), checkpoints.origin(), List.of(checkpoints.verifierKey()));
        } catch (InvalidInputException | UnauthenticatedException e) {
            throw new IllegalStateException("the ledger's latest checkpoint does not open with this hub's key and"
                    + " origin " + checkpoints.origin() + " (" + e.getMessage() + "); a ledger keeps its origin and key."
                    + " Run pactum audit verify", e);
        }
        Hash stored = ledger.tree(signed.size()).rootHash(signed.size());
        if (!stored.equals(Hash.of(signed.rootHash()))) {
            throw new IllegalStateException("the stored ledger no longer has the root of its latest signed checkpoint"
                    + " (size " + signed.size() + "): the database was changed. The hub does not sign over a changed"
                    + " log; run pactum audit verify to find the first bad entry, and restore from a backup");
        }
    }

    Ledger ledger() {
        return ledger;
    }

    LedgerCheckpoints checkpoints() {
        return checkpoints;
    }

    /** Opens sealed details, and erases a subject's key (crypto-shredding). */
    SubjectSealer sealer() {
        return sealer;
    }

    /** Writes what is queued and signs a last checkpoint if the ledger grew. */
    @Override
    public void close() {
        ledger.close();
        try {
            checkpoints.checkpointIfGrown();
        } catch (RuntimeException e) {
            LOG.warn("could not sign a last ledger checkpoint: {}", e.getMessage());
        }
    }
}
