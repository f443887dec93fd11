package io.pactum.core.ledger.subject;

import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a data subject's question "who received my data?" from the ledger: every release whose
 * sealed subject id was sealed under this subject's key. Only the key id is compared, so nothing is
 * decrypted; once the key is erased the subject's releases can no longer be found this way, which
 * is what erasure means. Reads the ledger once, page by page.
 */
public final class SubjectDisclosures {
    private static final int PAGE = 1_000;

    private final Ledger ledger;
    private final SubjectSealer sealer;

    public SubjectDisclosures(Ledger ledger, SubjectSealer sealer) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    /** The subject's releases, oldest first; empty if the subject has (or had, before erasure) no key. */
    public List<Disclosure> of(String subjectId) {
        Optional<String> keyId = sealer.keyIdOf(subjectId);
        if (keyId.isEmpty()) {
            return List.of();
        }
        List<Disclosure> found = new ArrayList<>();
        long size = ledger.size();
        for (long from = 0; from < size; from += PAGE) {
            for (LedgerEntry entry : ledger.entries(from, (int) Math.min(PAGE, size - from))) {
                if (entry.type() == LedgerEntryType.DATA_RELEASE && sealedUnder(entry, keyId.get())) {
                    found.add(new Disclosure(entry.index(), entry.time(), detail(entry, "recipientId"),
                            detail(entry, "agreementId"), detail(entry, "purpose"), detail(entry, "fields")));
                }
            }
        }
        return found;
    }

    private static boolean sealedUnder(LedgerEntry entry, String keyId) {
        String subject = entry.details().get(SubjectSealer.SUBJECT_ID);
        return subject != null && SealedValue.isSealed(subject) && SealedValue.parse(subject).keyId().equals(keyId);
    }

    private static String detail(LedgerEntry entry, String name) {
        return entry.details().getOrDefault(name, "");
    }
}
