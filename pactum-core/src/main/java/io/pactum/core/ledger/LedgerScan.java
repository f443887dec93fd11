package io.pactum.core.ledger;

import io.pactum.core.ledger.LedgerProblem.Kind;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.MerkleHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass over the stored entries in index order, a page at a time: checks each entry on its own
 * (row index, strict decoding, encoded index, leaf hash) and rebuilds the tree's right edge from the
 * entries' bytes, comparing each kept subtree hash it completes and each trusted checkpoint root it
 * reaches. Memory is one page plus O(log n) hashes.
 *
 * <p>After the first damaged entry or tree mismatch the tree is no longer compared: every later
 * subtree and root would differ for the same reason, so it would only repeat the damage already
 * found. Entries are still checked one by one, up to a number of problems.
 */
final class LedgerScan {
    /** A checkpoint whose signature verified, in the order of the stored ones ({@code number} from 1). */
    record TrustedHead(int number, long size, Hash rootHash) {}

    private final LedgerStore store;
    private final long size;
    private final List<TrustedHead> heads;
    private final LedgerProblems problems;
    private final int pageSize;
    private final int maxEntryProblems;
    private final LedgerFrontier frontier = LedgerFrontier.empty();
    private final List<SubtreeHash> completed = new ArrayList<>();
    private long expected;
    private long checked;
    private int entryProblems;
    private int nextHead;
    /** The largest size a trusted checkpoint matched: entries below it are proven as signed. */
    private long provenSize;
    private boolean comparingTree = true;

    /** {@code heads} sorted by size, none beyond {@code size}. */
    LedgerScan(LedgerStore store, long size, List<TrustedHead> heads, LedgerProblems problems, int pageSize,
            int maxEntryProblems) {
        this.store = store;
        this.size = size;
        this.heads = heads;
        this.problems = problems;
        this.pageSize = pageSize;
        this.maxEntryProblems = maxEntryProblems;
    }

    /** Scans entries 0 to size - 1; returns how many were checked. */
    long run() {
        matchHeads();
        while (expected < size && entryProblems < maxEntryProblems) {
            List<StoredEntry> page = store.read(expected, (int) Math.min(pageSize, size - expected));
            long before = expected;
            for (StoredEntry entry : page) {
                if (entry.index() >= size || entryProblems >= maxEntryProblems) {
                    break;
                }
                if (entry.index() < expected) {
                    throw new IllegalStateException("the ledger store returned entry " + entry.index()
                            + " when asked for entries from " + expected);
                }
                check(entry);
            }
            if (expected == before) {
                missing(size);
                break;
            }
        }
        return checked;
    }

    private void check(StoredEntry entry) {
        long index = entry.index();
        boolean intact = true;
        if (index != expected) {
            missing(index);
            intact = false;
        }
        expected = index + 1;
        checked++;
        byte[] encoded = entry.encoded();
        Hash leaf = MerkleHash.leaf(encoded);
        intact &= decodesAt(index, encoded);
        if (!leaf.equals(entry.leafHash())) {
            entryProblem(Kind.WRONG_LEAF_HASH, index, "the stored leaf hash is not SHA-256(0x00 ‖ encoded):"
                    + " the entry's bytes were changed (or its leaf hash was)");
            intact = false;
        }
        if (!intact) {
            comparingTree = false;
        } else if (comparingTree) {
            // the tree is rebuilt from the bytes, not the stored leaf hashes: it is the bytes that are evidence
            frontier.add(leaf, completed);
            compareCompletedSubtrees();
            matchHeads();
        }
    }

    /** Whether {@code encoded} decodes strictly to the entry for {@code row}; a problem if not. */
    private boolean decodesAt(long row, byte[] encoded) {
        long encodedIndex;
        try {
            encodedIndex = LedgerEntryDecoder.decode(encoded).index();
        } catch (RuntimeException e) {
            // tampered bytes must give a finding, whatever the decoder makes of them
            entryProblem(Kind.UNREADABLE_ENTRY, row, "the stored bytes are not a canonical entry: " + e.getMessage());
            return false;
        }
        if (encodedIndex == row) {
            return true;
        }
        // Row r holding entry e < r: an entry was inserted (or entries moved) from e on, unless a checkpoint proved that part.
        long from = encodedIndex < row ? Math.max(encodedIndex, provenSize) : row;
        entryProblem(Kind.MOVED_ENTRY, from, "row " + row + " holds the entry encoded for index " + encodedIndex
                + ": entries from " + from + " to " + Math.max(row, encodedIndex) + " were reordered, inserted or deleted");
        return false;
    }

    /** Rows {@code expected} to {@code next - 1} are absent. */
    private void missing(long next) {
        String rows = next - expected == 1 ? "its row is missing" : "rows " + expected + " to " + (next - 1) + " are missing";
        entryProblem(Kind.MISSING_ENTRY, expected, rows + " (deleted, or re-indexed)");
    }

    private void compareCompletedSubtrees() {
        for (SubtreeHash subtree : completed) {
            if (!comparingTree) {
                break;
            }
            Optional<Hash> kept = store.subtree(subtree.start(), subtree.level());
            if (kept.isEmpty() || !kept.get().equals(subtree.hash())) {
                long last = subtree.start() + (1L << subtree.level()) - 1;
                problems.add(new LedgerProblem(Kind.WRONG_SUBTREE_HASH, subtree.start(), "entry " + subtree.start()
                        + ": the kept hash of the subtree of entries " + subtree.start() + " to " + last
                        + " (level " + subtree.level() + ") " + (kept.isEmpty() ? "is missing" : "differs from their hash")
                        + ": an entry in that range was changed together with its leaf hash, or the kept hash row was"));
                comparingTree = false;
            }
        }
        completed.clear();
    }

    /** Compares the root with every trusted checkpoint of the current size. */
    private void matchHeads() {
        while (comparingTree && nextHead < heads.size() && heads.get(nextHead).size() == frontier.size()) {
            TrustedHead head = heads.get(nextHead++);
            if (head.rootHash().equals(frontier.root())) {
                provenSize = head.size();
            } else {
                problems.add(new LedgerProblem(Kind.WRONG_CHECKPOINT_ROOT, provenSize, "entry " + provenSize
                        + ": checkpoint #" + head.number() + " (size " + head.size() + ") does not match the stored"
                        + " entries: one from " + provenSize + " to " + (head.size() - 1) + " was changed along with"
                        + " its leaf and kept hashes; " + (provenSize == 0 ? "no earlier checkpoint proves any of them"
                        : "an earlier checkpoint proves the " + provenSize + " before it")));
                comparingTree = false;
            }
        }
    }

    private void entryProblem(Kind kind, long index, String what) {
        entryProblems++;
        problems.add(new LedgerProblem(kind, index, "entry " + index + ": " + what));
    }
}
