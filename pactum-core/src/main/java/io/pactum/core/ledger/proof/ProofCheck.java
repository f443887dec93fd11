package io.pactum.core.ledger.proof;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryDecoder;
import io.pactum.core.ledger.checkpoint.Checkpoint;
import io.pactum.core.ledger.checkpoint.CheckpointNotes;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.core.ledger.merkle.ConsistencyProof;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.InclusionProof;
import io.pactum.core.ledger.merkle.MerkleHash;
import io.pactum.core.ledger.merkle.Verification;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a proof document offline, with nothing but trusted public keys: a root counts only once a
 * signed checkpoint from a trusted key vouches for it, and the proof must then lead to that root.
 * Either the checkpoints the document carries are used, or one the user already trusts (say, kept
 * from an earlier visit or obtained from a witness), which is what makes the check independent of
 * whoever handed over the document.
 */
public final class ProofCheck {
    private static final String ATTACHED = "checkpoint";
    private static final String GIVEN = "trusted checkpoint";

    private ProofCheck() {}

    /** Checks {@code doc} against the signed checkpoints it carries, which must all be present. */
    public static ProofCheckResult check(ProofDocument doc, String origin, Collection<NoteVerifierKey> trusted) {
        return run(doc, origin, List.copyOf(trusted), null);
    }

    /**
     * Checks {@code doc} against {@code trustedCheckpoint}, a signed checkpoint note the user supplies
     * instead of the attached one. For an inclusion proof it must cover the proof's tree size; for a
     * consistency proof it must cover {@code fromSize} or {@code toSize} and anchors that end, and the
     * other end's attached checkpoint must be there and hold as well.
     */
    public static ProofCheckResult check(ProofDocument doc, String origin, Collection<NoteVerifierKey> trusted,
            String trustedCheckpoint) {
        return run(doc, origin, List.copyOf(trusted), Objects.requireNonNull(trustedCheckpoint, "trustedCheckpoint"));
    }

    private static ProofCheckResult run(ProofDocument doc, String origin, List<NoteVerifierKey> trusted,
            @Nullable String given) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(origin, "origin");
        try {
            if (!doc.origin().equals(origin)) {
                throw new Rejected("origin: the document is for " + doc.origin() + ", not " + origin);
            }
            if (doc instanceof InclusionProofDocument inclusion) {
                return inclusion(inclusion, origin, trusted, given);
            }
            return consistency((ConsistencyProofDocument) doc, origin, trusted, given);
        } catch (Rejected rejected) {
            return ProofCheckResult.failed(rejected.getMessage());
        }
    }

    private static ProofCheckResult inclusion(InclusionProofDocument doc, String origin, List<NoteVerifierKey> trusted,
            @Nullable String given) throws Rejected {
        String label = given == null ? ATTACHED : GIVEN;
        Checkpoint anchor = given == null ? attached(doc.checkpoint(), label, doc.treeSize(), origin, trusted)
                : open(given, label, origin, trusted);
        requireCovers(anchor, label, doc.treeSize(), doc.rootHash(), "rootHash");
        byte[] entryBytes = doc.entry();
        if (!MerkleHash.leaf(entryBytes).equals(doc.leafHash())) {
            throw new Rejected("leafHash: is not the leaf hash of the entry's bytes");
        }
        LedgerEntry entry;
        try {
            entry = LedgerEntryDecoder.decode(entryBytes);
        } catch (IllegalArgumentException e) {
            throw new Rejected("entry: is not a ledger entry: " + e.getMessage());
        }
        if (entry.index() != doc.leafIndex()) {
            throw new Rejected("leafIndex: the entry is number " + entry.index() + ", the proof says " + doc.leafIndex());
        }
        requireValid(InclusionProof.verify(doc.leafHash(), doc.leafIndex(), doc.treeSize(), doc.auditPath(), doc.rootHash()),
                "auditPath");
        return ProofCheckResult.passed("entry " + doc.leafIndex() + " is in " + origin + " at tree size "
                + doc.treeSize() + " (" + label + " signed by a trusted key)", entry);
    }

    private static ProofCheckResult consistency(ConsistencyProofDocument doc, String origin,
            List<NoteVerifierKey> trusted, @Nullable String given) throws Rejected {
        @Nullable String fromNote = doc.fromCheckpoint();
        @Nullable String toNote = doc.toCheckpoint();
        String fromLabel = "fromCheckpoint";
        String toLabel = "toCheckpoint";
        if (given != null) {
            long size = open(given, GIVEN, origin, trusted).size();
            if (size != doc.fromSize() && size != doc.toSize()) {
                throw new Rejected(GIVEN + ": covers tree size " + size + ", the proof is from "
                        + doc.fromSize() + " to " + doc.toSize());
            }
            // The given note anchors its end; the other end must be signed too, or the proof shows
            // only that the trusted tree is a prefix of some tree nobody vouched for.
            if (size == doc.fromSize()) {
                fromNote = given;
                fromLabel = GIVEN;
            }
            if (size == doc.toSize()) {
                toNote = given;
                toLabel = GIVEN;
            }
        }
        Checkpoint from = attached(fromNote, fromLabel, doc.fromSize(), origin, trusted);
        requireCovers(from, fromLabel, doc.fromSize(), doc.fromRootHash(), "fromRootHash");
        Checkpoint to = attached(toNote, toLabel, doc.toSize(), origin, trusted);
        requireCovers(to, toLabel, doc.toSize(), doc.toRootHash(), "toRootHash");
        requireValid(ConsistencyProof.verify(doc.fromSize(), doc.toSize(), doc.path(), doc.fromRootHash(),
                doc.toRootHash()), "path");
        return ProofCheckResult.passed("tree size " + doc.fromSize() + " of " + origin + " is a prefix of tree size "
                + doc.toSize() + (given == null ? " (checkpoints signed by a trusted key)" : " (from the trusted checkpoint)"),
                null);
    }

    /** The attached checkpoint for {@code size}, which must be there. */
    private static Checkpoint attached(@Nullable String note, String label, long size, String origin,
            List<NoteVerifierKey> trusted) throws Rejected {
        if (note == null) {
            throw new Rejected(label + ": missing; the document carries no signed checkpoint for tree size " + size);
        }
        return open(note, label, origin, trusted);
    }

    /** The checkpoint in {@code note}, once a trusted key for {@code origin} has signed it. */
    private static Checkpoint open(String note, String label, String origin, List<NoteVerifierKey> trusted)
            throws Rejected {
        try {
            return CheckpointNotes.open(note, origin, trusted);
        } catch (InvalidInputException e) {
            throw new Rejected(label + ": is not a signed checkpoint: " + e.getMessage());
        } catch (UnauthenticatedException e) {
            throw new Rejected(label + ": " + e.getMessage());
        }
    }

    private static void requireCovers(Checkpoint checkpoint, String label, long size, Hash root, String rootField)
            throws Rejected {
        if (checkpoint.size() != size) {
            throw new Rejected(label + ": covers tree size " + checkpoint.size() + ", the proof is for " + size);
        }
        Hash signed = Hash.of(checkpoint.rootHash());
        if (!signed.equals(root)) {
            throw new Rejected(rootField + ": " + root.base64() + " is not the signed root " + signed.base64()
                    + " of tree size " + size);
        }
    }

    private static void requireValid(Verification verification, String field) throws Rejected {
        if (!verification.isValid()) {
            throw new Rejected(field + ": " + verification.reason());
        }
    }

    /** A failed check, carried up to {@link #run} and turned into a result; no stack trace needed. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
