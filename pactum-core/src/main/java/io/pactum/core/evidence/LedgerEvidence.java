package io.pactum.core.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryType;
import io.pactum.core.ledger.LedgerEntryDecoder;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.MerkleHash;
import io.pactum.core.ledger.merkle.MerkleTree;
import io.pactum.core.ledger.proof.InclusionProofDocument;
import io.pactum.core.ledger.proof.ProofJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the ledger, a page at a time, into {@code entries.jsonl}: every entry of the period with its
 * inclusion proof against one tree size, and keeps aside the few entries other files need.
 */
final class LedgerEvidence {
    static final int PAGE = 1000;
    static final String APPROVAL_ACTION = "product.approval";

    private final List<LedgerEntry> agreementChanges = new ArrayList<>();
    private final List<LedgerEntry> approvalsUntilEnd = new ArrayList<>();
    private final List<LedgerEntry> incidentActions = new ArrayList<>();
    private long written;

    private LedgerEvidence() {}

    /**
     * Writes the period's entries among those {@code checkpoint} covers to {@code file}, each with its
     * inclusion proof in that tree. One tree, one root and one note serve every proof.
     */
    static LedgerEvidence write(Ledger ledger, String origin, StoredCheckpoint checkpoint, EvidencePeriod period,
            Path file) {
        LedgerEvidence evidence = new LedgerEvidence();
        long treeSize = checkpoint.size();
        MerkleTree tree = ledger.tree(treeSize);
        Hash root = treeSize == 0 ? MerkleHash.EMPTY_TREE : tree.rootHash(treeSize);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long next = 0;
            while (next < treeSize) {
                List<StoredEntry> page = ledger.store().read(next, (int) Math.min(PAGE, treeSize - next));
                if (page.isEmpty()) {
                    break;
                }
                for (StoredEntry stored : page) {
                    if (stored.index() < treeSize) {
                        LedgerEntry entry = LedgerEntryDecoder.decode(stored.encoded());
                        if (evidence.take(entry, period)) {
                            InclusionProofDocument proof = new InclusionProofDocument(origin, treeSize, stored.index(),
                                    stored.encoded(), stored.leafHash(), tree.inclusionProof(stored.index(), treeSize),
                                    root, checkpoint.note());
                            ObjectNode line = EvidenceJson.entry(entry);
                            line.set("proof", EvidenceJson.parse(ProofJson.write(proof)));
                            EvidenceJson.writeLine(out, line);
                            evidence.written++;
                        }
                    }
                }
                next = page.get(page.size() - 1).index() + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return evidence;
    }

    /** Keeps aside what other files need; true if the entry is the period's. */
    private boolean take(LedgerEntry entry, EvidencePeriod period) {
        if (isApproval(entry) && entry.time().isBefore(period.to())) {
            approvalsUntilEnd.add(entry);
        }
        if (!period.contains(entry.time())) {
            return false;
        }
        if (entry.type() == LedgerEntryType.AGREEMENT_CHANGE) {
            agreementChanges.add(entry);
        } else if (entry.type() == LedgerEntryType.INCIDENT_ACTION) {
            incidentActions.add(entry);
        }
        return true;
    }

    static boolean isApproval(LedgerEntry entry) {
        return entry.type() == LedgerEntryType.REGISTRY_CHANGE
                && APPROVAL_ACTION.equals(entry.details().get("action"));
    }

    /** AGREEMENT_CHANGE entries of the period. */
    List<LedgerEntry> agreementChanges() {
        return agreementChanges;
    }

    /** {@code product.approval} entries from the ledger's start to the period's end. */
    List<LedgerEntry> approvalsUntilEnd() {
        return approvalsUntilEnd;
    }

    /** INCIDENT_ACTION entries of the period. */
    List<LedgerEntry> incidentActions() {
        return incidentActions;
    }

    /** How many entries were written. */
    long written() {
        return written;
    }
}
