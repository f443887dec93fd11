package io.pactum.core.incident.breach;

import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.subject.SubjectSealer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The details of a {@code DATA_RELEASE} ledger entry that an assessment reads. Entries written before
 * a detail existed lack it: such a detail is null (or the list empty), never an error.
 *
 * @param subject the subject id as the ledger keeps it: sealed, or null when the record has no subject
 */
record ReleaseEntry(String recipientId, String agreementId, String purpose, @Nullable String deviceId,
        @Nullable String productId, @Nullable String subject, List<String> fields) {

    static ReleaseEntry of(LedgerEntry entry) {
        return new ReleaseEntry(text(entry, "recipientId"), text(entry, "agreementId"), text(entry, "purpose"),
                optional(entry, "deviceId"), optional(entry, "productId"), optional(entry, SubjectSealer.SUBJECT_ID),
                fields(text(entry, "fields")));
    }

    private static String text(LedgerEntry entry, String name) {
        String value = optional(entry, name);
        return value == null ? "" : value;
    }

    private static @Nullable String optional(LedgerEntry entry, String name) {
        String value = entry.details().get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> fields(String joined) {
        List<String> names = new ArrayList<>();
        for (String name : joined.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }
}
