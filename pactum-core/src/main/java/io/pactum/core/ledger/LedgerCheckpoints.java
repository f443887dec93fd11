package io.pactum.core.ledger;

import io.pactum.core.ledger.checkpoint.Checkpoint;
import io.pactum.core.ledger.checkpoint.CheckpointNotes;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs the ledger's tree heads as C2SP checkpoints with the hub's key and keeps them in the store:
 * on demand, and periodically when the ledger has grown. A checkpoint is what a verifier trusts;
 * whoever keeps a copy outside the hub can later prove that the log was not rewritten.
 */
public final class LedgerCheckpoints {
    private final Ledger ledger;
    private final NoteSigner signer;
    private final Clock clock;
    private final Object signing = new Object();

    public LedgerCheckpoints(Ledger ledger, NoteSigner signer, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ledger's origin: the checkpoint key's name. */
    public String origin() {
        return signer.keyName();
    }

    /** What a verifier needs, and all it needs, to check checkpoints and proofs. */
    public NoteVerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /** Signs and stores the current tree head, whether or not it changed. */
    public StoredCheckpoint checkpoint() {
        synchronized (signing) {
            Ledger.TreeHead head = ledger.head();
            Instant now = clock.instant();
            Checkpoint body = new Checkpoint(origin(), head.size(), head.rootHash().bytes()).withTime(now);
            StoredCheckpoint stored = new StoredCheckpoint(head.size(), now, CheckpointNotes.sign(body, signer));
            ledger.store().addCheckpoint(stored);
            return stored;
        }
    }

    /** Signs and stores the current tree head if the ledger grew since the latest checkpoint. */
    public Optional<StoredCheckpoint> checkpointIfGrown() {
        synchronized (signing) {
            long latestSize = latest().map(StoredCheckpoint::size).orElse(-1L);
            return ledger.size() > latestSize ? Optional.of(checkpoint()) : Optional.empty();
        }
    }

    /** The most recent checkpoint, if any. */
    public Optional<StoredCheckpoint> latest() {
        return ledger.store().latestCheckpoint();
    }
}
