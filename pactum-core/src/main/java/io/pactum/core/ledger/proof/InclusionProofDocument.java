package io.pactum.core.ledger.proof;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.merkle.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * That entry {@code leafIndex}, whose canonical bytes are {@code entry}, is in the ledger's tree of
 * {@code treeSize} entries with root {@code rootHash}: the RFC 9162 audit path, leaf upwards, and
 * the signed checkpoint note for that tree size when the hub has one.
 */
public record InclusionProofDocument(
        String origin,
        long treeSize,
        long leafIndex,
        byte[] entry,
        Hash leafHash,
        List<Hash> auditPath,
        Hash rootHash,
        @Nullable String checkpoint) implements ProofDocument {

    public InclusionProofDocument {
        ProofLimits.requireOrigin(origin);
        if (treeSize < 1) {
            throw new InvalidInputException("treeSize", "tree size must be at least 1, got " + treeSize);
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new InvalidInputException("leafIndex",
                    "leaf index " + leafIndex + " is not within a tree of " + treeSize + " entries");
        }
        entry = Objects.requireNonNull(entry, "entry").clone();
        Objects.requireNonNull(leafHash, "leafHash");
        auditPath = ProofLimits.requirePath(auditPath, "auditPath");
        Objects.requireNonNull(rootHash, "rootHash");
    }

    @Override
    public byte[] entry() {
        return entry.clone();
    }

    // Records compare arrays by identity; a document is a value, so compare the entry's bytes.
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof InclusionProofDocument that && origin.equals(that.origin)
                && treeSize == that.treeSize && leafIndex == that.leafIndex && Arrays.equals(entry, that.entry)
                && leafHash.equals(that.leafHash) && auditPath.equals(that.auditPath)
                && rootHash.equals(that.rootHash) && Objects.equals(checkpoint, that.checkpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, leafIndex, Arrays.hashCode(entry), leafHash, auditPath, rootHash, checkpoint);
    }

    @Override
    public String toString() {
        return "InclusionProofDocument[" + origin + ", leaf " + leafIndex + " of " + treeSize + ", root " + rootHash + "]";
    }
}
