package io.pactum.core.ledger.proof;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.merkle.MerkleTree;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds proof documents from a ledger: the proof itself from the Merkle tree, and the newest stored
 * signed checkpoint of each size the proof speaks of, so the document can be checked offline.
 */
public final class LedgerProofs {
    private LedgerProofs() {}

    /** Proves that entry {@code index} is in the ledger's tree of {@code treeSize} entries. */
    public static InclusionProofDocument inclusion(Ledger ledger, String origin, long index, long treeSize) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(origin, "origin");
        requireTreeSize(ledger, treeSize, "treeSize");
        if (treeSize < 1) {
            throw new InvalidInputException("treeSize", "an inclusion proof needs a tree of at least one entry");
        }
        if (index < 0 || index >= treeSize) {
            throw new InvalidInputException("index", "entry " + index + " is not in a tree of " + treeSize
                    + " entries (indexes 0.." + (treeSize - 1) + ")");
        }
        StoredEntry entry = ledger.store().read(index, 1).stream().filter(e -> e.index() == index).findFirst()
                .orElseThrow(() -> new IllegalStateException("ledger entry " + index
                        + " is missing from the store; run pactum audit verify"));
        MerkleTree tree = ledger.tree(treeSize);
        return new InclusionProofDocument(origin, treeSize, index, entry.encoded(), entry.leafHash(),
                tree.inclusionProof(index, treeSize), tree.rootHash(treeSize), checkpointNote(ledger, treeSize));
    }

    /** Proves that the ledger's tree of {@code fromSize} entries is a prefix of its tree of {@code toSize}. */
    public static ConsistencyProofDocument consistency(Ledger ledger, String origin, long fromSize, long toSize) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(origin, "origin");
        requireTreeSize(ledger, toSize, "toSize");
        if (fromSize < 1) {
            throw new InvalidInputException("fromSize", "every tree extends the empty one; from size must be at least 1");
        }
        if (fromSize > toSize) {
            throw new InvalidInputException("fromSize", "from size " + fromSize + " is larger than to size " + toSize);
        }
        MerkleTree tree = ledger.tree(toSize);
        return new ConsistencyProofDocument(origin, fromSize, toSize, tree.rootHash(fromSize), tree.rootHash(toSize),
                tree.consistencyProof(fromSize, toSize), checkpointNote(ledger, fromSize), checkpointNote(ledger, toSize));
    }

    private static void requireTreeSize(Ledger ledger, long size, String field) {
        long ledgerSize = ledger.size();
        if (size < 0 || size > ledgerSize) {
            throw new InvalidInputException(field, "tree size " + size + " is not within 0.." + ledgerSize
                    + ", the ledger's current size");
        }
    }

    /** The newest stored checkpoint note for exactly {@code size}, if any. */
    private static @Nullable String checkpointNote(Ledger ledger, long size) {
        return ledger.store().checkpointOfSize(size).map(StoredCheckpoint::note).orElse(null);
    }
}
