package io.pactum.core.ledger;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.ledger.LedgerProblem.Kind;
import io.pactum.core.ledger.checkpoint.Checkpoint;
import io.pactum.core.ledger.checkpoint.CheckpointNotes;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.core.ledger.checkpoint.SignedNote;
import io.pactum.core.ledger.merkle.Hash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks a whole stored ledger with nothing but the log's public key: that the rows run 0, 1, 2, ...
 * and each holds the canonical entry for its index with its leaf hash, that every kept subtree hash
 * is the hash of the entries under it, and that every checkpoint is signed by a trusted key for this
 * origin and is the root of the stored entries it covers. Reads the entries once, in pages, with
 * O(log n) memory beside a page, so a log of millions of entries verifies.
 *
 * <p>What it cannot see: damage to entries after the last checkpoint when every hash above them was
 * recomputed too (checkpoint often), and a deleted tail no checkpoint covered.
 */
public final class LedgerVerifier {
    /** Entries read per query. */
    public static final int PAGE_SIZE = 10_000;
    /** Problems listed, and entry problems after which the scan stops. */
    public static final int MAX_PROBLEMS = 20;

    private final LedgerStore store;
    private final String origin;
    private final List<NoteVerifierKey> trusted;
    private final List<String> heldElsewhere;

    public LedgerVerifier(LedgerStore store, String origin, Collection<NoteVerifierKey> trusted) {
        this(store, origin, trusted, List.of());
    }

    /**
     * Also checks the log against signed checkpoints kept outside the database ({@code heldElsewhere},
     * signed note texts, e.g. saved by an auditor or a witness): these cannot have been deleted or
     * replaced along with the log.
     */
    public LedgerVerifier(LedgerStore store, String origin, Collection<NoteVerifierKey> trusted,
            List<String> heldElsewhere) {
        this.store = Objects.requireNonNull(store, "store");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.trusted = List.copyOf(trusted);
        this.heldElsewhere = List.copyOf(heldElsewhere);
    }

    public LedgerVerification verify() {
        LedgerProblems problems = new LedgerProblems(MAX_PROBLEMS);
        // checkpoints before the size: one a live hub adds meanwhile then never looks beyond the log
        List<StoredCheckpoint> stored = new ArrayList<>(store.checkpoints());
        int inStore = stored.size();
        for (String note : heldElsewhere) {
            try {
                // its size, so that it can be checked like a stored one; its signature is checked there
                stored.add(new StoredCheckpoint(Checkpoint.parse(SignedNote.parse(note).text()).size(), Instant.EPOCH,
                        note));
            } catch (InvalidInputException e) {
                problems.add(new LedgerProblem(Kind.INVALID_CHECKPOINT, null,
                        "a checkpoint held elsewhere is not a signed checkpoint: " + e.getMessage()));
            }
        }
        long size = store.size();
        List<LedgerScan.TrustedHead> heads = openCheckpoints(stored, inStore, size, problems);
        if (heads.isEmpty() && size > 0) {
            problems.add(new LedgerProblem(Kind.NO_TRUSTED_CHECKPOINT, null, "no checkpoint signed by a trusted key"
                    + " covers any of the " + size + " entries: nothing proves them (were the checkpoints deleted,"
                    + " or is this the wrong key?)"));
        }
        long checked = new LedgerScan(store, size, heads, problems, PAGE_SIZE, MAX_PROBLEMS).run();
        long proven = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).size();
        return new LedgerVerification(checked, stored.size(), problems.kept(), problems.found(), proven);
    }

    /** The checkpoints a trusted key signed that the stored entries reach, by size; a problem for each other. */
    private List<LedgerScan.TrustedHead> openCheckpoints(List<StoredCheckpoint> stored, int inStore, long size,
            LedgerProblems problems) {
        List<LedgerScan.TrustedHead> heads = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            StoredCheckpoint row = stored.get(i);
            int number = i + 1;
            String name = i < inStore ? "checkpoint #" + number + " (stored for size " + row.size() + ")"
                    : "checkpoint held elsewhere #" + (i - inStore + 1) + " (size " + row.size() + ")";
            Checkpoint checkpoint;
            try {
                checkpoint = CheckpointNotes.open(row.note(), origin, trusted);
            } catch (InvalidInputException | UnauthenticatedException e) {
                problems.add(new LedgerProblem(Kind.INVALID_CHECKPOINT, null, name + ": " + e.getMessage()));
                continue;
            }
            if (checkpoint.size() != row.size()) {
                problems.add(new LedgerProblem(Kind.INVALID_CHECKPOINT, null, name
                        + ": its signed note is for size " + checkpoint.size()));
            }
            if (checkpoint.size() > size) {
                problems.add(new LedgerProblem(Kind.DELETED_TAIL, size, "entry " + size + ": checkpoint #" + number
                        + " covers " + checkpoint.size() + " entries but the store holds " + size + ": entries "
                        + size + " to " + (checkpoint.size() - 1) + " were deleted"));
            } else {
                heads.add(new LedgerScan.TrustedHead(number, checkpoint.size(), Hash.of(checkpoint.rootHash())));
            }
        }
        heads.sort(Comparator.comparingLong(LedgerScan.TrustedHead::size));
        return heads;
    }
}
