package io.pactum.http.views;

import io.pactum.core.ingest.CanonicalRecord;
import java.util.List;

/** The answer to an accepted device message: the ids of the records it was stored as, all durable. */
public record IngestReceiptView(List<String> records) {
    public IngestReceiptView {
        records = List.copyOf(records);
    }

    public static IngestReceiptView of(List<CanonicalRecord> stored) {
        return new IngestReceiptView(stored.stream().map(CanonicalRecord::id).toList());
    }
}
