package io.pactum.http.views;

import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryDecoder;
import io.pactum.core.ledger.LedgerEntryType;
import io.pactum.core.ledger.StoredEntry;
import java.time.Instant;
import java.util.Base64;
import java.util.SortedMap;

/**
 * One ledger entry, decoded, with the canonical bytes the Merkle tree hashes ({@code encoded}, base64)
 * and its leaf hash, SHA-256(0x00 ‖ encoded) in base64, so a reader can check one against the other.
 */
public record LedgerEntryView(long index, Instant time, LedgerEntryType type, String actor,
        SortedMap<String, String> details, String encoded, String leafHash) {
    public static LedgerEntryView of(StoredEntry stored) {
        byte[] bytes = stored.encoded();
        LedgerEntry entry = LedgerEntryDecoder.decode(bytes);
        return new LedgerEntryView(entry.index(), entry.time(), entry.type(), entry.actor(), entry.details(),
                Base64.getEncoder().encodeToString(bytes), stored.leafHash().base64());
    }
}
