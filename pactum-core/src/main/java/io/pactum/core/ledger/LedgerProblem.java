package io.pactum.core.ledger;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing {@link LedgerVerifier} found wrong with a stored ledger.
 *
 * @param kind what is wrong
 * @param index the first entry index the problem puts in doubt (exact, or a proven lower bound; see
 *     {@link Kind}), or null when it concerns a checkpoint only
 * @param message what is wrong, for people; begins with "entry N" or "checkpoint #N"
 */
public record LedgerProblem(Kind kind, @Nullable Long index, String message) {
    public enum Kind {
        /** Rows are missing at {@code index}: deleted, or re-indexed elsewhere. Exact. */
        MISSING_ENTRY,
        /** The entry's bytes are not a well-formed canonical entry. Exact. */
        UNREADABLE_ENTRY,
        /**
         * A row holds the entry encoded for another index: entries were reordered, inserted or
         * deleted with the later ones shifted. The lower of the two indexes (no lower than what a
         * checkpoint proved intact).
         */
        MOVED_ENTRY,
        /** The stored leaf hash is not the hash of the stored bytes: the bytes were changed. Exact. */
        WRONG_LEAF_HASH,
        /**
         * A kept subtree hash is missing or differs from the hash of the entries under it: an entry
         * there was changed together with its leaf hash, or the kept row was. The subtree's start.
         */
        WRONG_SUBTREE_HASH,
        /** A checkpoint covers more entries than the store holds: the tail was deleted. The stored size. */
        DELETED_TAIL,
        /**
         * A checkpoint's root differs from the root of the stored entries it covers: an entry below
         * its size was changed together with every hash above it. The lower bound: the largest
         * earlier checkpoint size that matched (0 if none), since entries below it are proven intact.
         */
        WRONG_CHECKPOINT_ROOT,
        /** A checkpoint is malformed, not signed by a trusted key, for another origin, or its row disagrees with it. */
        INVALID_CHECKPOINT,
        /**
         * No checkpoint signed by a trusted key covers any entry, so nothing proves the stored ones
         * (the hub signs one when a ledger starts: its checkpoints were deleted, or the key is wrong).
         */
        NO_TRUSTED_CHECKPOINT
    }

    public LedgerProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
