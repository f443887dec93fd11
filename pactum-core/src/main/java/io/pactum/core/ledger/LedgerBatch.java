package io.pactum.core.ledger;

import java.util.List;

/**
 * Entries at the next indexes of the ledger together with the complete-subtree hashes they
 * complete: what one store transaction writes, all or nothing.
 */
public record LedgerBatch(List<StoredEntry> entries, List<SubtreeHash> subtrees) {
    public LedgerBatch {
        entries = List.copyOf(entries);
        subtrees = List.copyOf(subtrees);
    }

    /** The index of the first entry; the batch is never empty. */
    public long firstIndex() {
        return entries.get(0).index();
    }

    /** The ledger's size once this batch is stored. */
    public long sizeAfter() {
        return firstIndex() + entries.size();
    }
}
