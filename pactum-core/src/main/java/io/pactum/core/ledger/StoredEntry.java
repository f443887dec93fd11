package io.pactum.core.ledger;

import io.pactum.core.ledger.merkle.Hash;
import java.util.Objects;

/** An entry as the store keeps it: its index, its canonical bytes, and their Merkle leaf hash. */
public record StoredEntry(long index, byte[] encoded, Hash leafHash) {
    public StoredEntry {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        encoded = encoded.clone();
        Objects.requireNonNull(leafHash, "leafHash");
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
