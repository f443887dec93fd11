package io.pactum.server;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.subject.SubjectSealer;
import io.pactum.storage.jdbc.JdbcDatabase;
import java.time.Clock;
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
