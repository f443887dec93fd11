package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.UnauthenticatedException;
import java.util.Collection;
import java.util.Objects;

/** Signs checkpoints as signed notes, and opens signed checkpoints that a trusted key vouches for. */
public final class CheckpointNotes {
    private CheckpointNotes() {}

    /**
     * The signed checkpoint as sent. The key name must be the origin: tlog-checkpoint says it
     * SHOULD be, and a hub that follows that cannot publish heads under a name verifiers do not expect.
     */
    public static String sign(Checkpoint checkpoint, NoteSigner signer) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signer, "signer");
        if (!signer.keyName().equals(checkpoint.origin())) {
            throw new InvalidInputException("signer", "the log key is named " + signer.keyName()
                    + " but the checkpoint's origin is " + checkpoint.origin());
        }
        return signer.sign(checkpoint.body());
    }

    /**
     * The checkpoint in {@code note}, once a trusted key's signature verifies (see
     * {@link SignedNote#verifiedBy}) and its origin is {@code origin}, so a head from another log
     * signed by a shared witness is not taken for this one.
     */
    public static Checkpoint open(String note, String origin, Collection<NoteVerifierKey> trusted) {
        Objects.requireNonNull(origin, "origin");
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(note, trusted));
        if (!checkpoint.origin().equals(origin)) {
            throw new UnauthenticatedException("the checkpoint is for origin " + checkpoint.origin() + ", not " + origin);
        }
        return checkpoint;
    }
}
