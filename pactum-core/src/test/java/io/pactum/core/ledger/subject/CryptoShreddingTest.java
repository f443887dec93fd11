package io.pactum.core.ledger.subject;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryDecoder;
import io.pactum.core.ledger.MemoryLedgerStore;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.StoredLeafHashes;
import io.pactum.core.ledger.merkle.InMemoryLeafHashes;
import io.pactum.core.ledger.merkle.InclusionProof;
import io.pactum.core.ledger.merkle.MerkleHash;
import io.pactum.core.ledger.merkle.MerkleTree;
import io.pactum.core.security.TinkSecretBox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The demonstration: erase a subject's key; the subject's entries become unreadable and
 * the log still verifies, because the hashes cover the ciphertext, which erasure does not touch.
 */
class CryptoShreddingTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void erasingASubjectsKey_makesItsEntriesUnreadable_andTheLogStillVerifies() {
        MemoryLedgerStore store = new MemoryLedgerStore();
        SubjectSealer sealer = new SubjectSealer(new InMemorySubjectKeyStore(),
                TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()));
        Ledger.TreeHead head;
        try (Ledger ledger = Ledger.open(store, sealer, 4)) {
            for (int i = 0; i < 3; i++) {
                ledger.append(release("subject-a", "pseudonym-a-" + i));
                ledger.append(release("subject-b", "pseudonym-b-" + i));
                ledger.append(new AuditEvent(AuditEventType.REGISTRY_CHANGED, AT, "client-1", Map.of("deviceId", "d-" + i)));
            }
            head = ledger.head();
            assertThat(ledger.tree(head.size()).rootHash(head.size())).isEqualTo(head.rootHash());
        }
        long size = head.size();
        assertThat(size).isEqualTo(9);
        List<StoredEntry> before = store.read(0, (int) size);
        String keyA = sealer.keyIdOf("subject-a").orElseThrow();
        String keyB = sealer.keyIdOf("subject-b").orElseThrow();
        assertThat(concerning(before, keyA)).hasSize(3);
        assertThat(openedIds(sealer, before, keyA)).containsOnly(Optional.of("subject-a"));

        assertThat(sealer.erase("subject-a")).isTrue();

        List<StoredEntry> after = store.read(0, (int) size);
        // A's entries no longer open, B's still do
        assertThat(openedIds(sealer, after, keyA)).hasSize(3).containsOnly(Optional.empty());
        for (LedgerEntry entry : concerning(after, keyA)) {
            assertThat(sealer.open("subjectPseudonym", entry.details().get("subjectPseudonym"))).isEmpty();
        }
        assertThat(openedIds(sealer, after, keyB)).hasSize(3).containsOnly(Optional.of("subject-b"));
        // the stored bytes are untouched, and no subject id was ever in them
        for (int i = 0; i < size; i++) {
            assertThat(after.get(i).encoded()).isEqualTo(before.get(i).encoded());
            assertThat(new String(after.get(i).encoded(), StandardCharsets.UTF_8))
                    .doesNotContain("subject-a").doesNotContain("subject-b").doesNotContain("pseudonym-");
        }
        // the root, recomputed from the store and from the entry bytes alone, is the head from before
        assertThat(new MerkleTree(new StoredLeafHashes(store, size)).rootHash(size)).isEqualTo(head.rootHash());
        InMemoryLeafHashes recomputed = new InMemoryLeafHashes();
        for (StoredEntry entry : after) {
            assertThat(MerkleHash.leaf(entry.encoded())).isEqualTo(entry.leafHash());
            recomputed.appendEntry(entry.encoded());
        }
        MerkleTree fromBytes = new MerkleTree(recomputed);
        assertThat(fromBytes.rootHash(size)).isEqualTo(head.rootHash());
        // and each of A's unreadable entries still proves its place in the tree
        for (StoredEntry entry : after) {
            if (concerns(LedgerEntryDecoder.decode(entry.encoded()), keyA)) {
                assertThat(InclusionProof.verify(entry.leafHash(), entry.index(), size,
                        fromBytes.inclusionProof(entry.index(), size), head.rootHash()).isValid()).isTrue();
            }
        }
    }

    private static AuditEvent release(String subjectId, String pseudonym) {
        return new AuditEvent(AuditEventType.DATA_RELEASED, AT, AuditEvent.HUB, Map.of(
                "subjectId", subjectId, "subjectPseudonym", pseudonym, "recipientId", "org-clinic"));
    }

    /** The entries whose sealed subject id carries {@code keyId}: "which entries concern this subject". */
    private static List<LedgerEntry> concerning(List<StoredEntry> stored, String keyId) {
        List<LedgerEntry> found = new ArrayList<>();
        for (StoredEntry entry : stored) {
            LedgerEntry decoded = LedgerEntryDecoder.decode(entry.encoded());
            if (concerns(decoded, keyId)) {
                found.add(decoded);
            }
        }
        return found;
    }

    private static boolean concerns(LedgerEntry entry, String keyId) {
        String subject = entry.details().get("subjectId");
        return subject != null && SealedValue.parse(subject).keyId().equals(keyId);
    }

    private static List<Optional<String>> openedIds(SubjectSealer sealer, List<StoredEntry> stored, String keyId) {
        return concerning(stored, keyId).stream()
                .map(entry -> sealer.open("subjectId", entry.details().get("subjectId")))
                .toList();
    }
}
