package io.pactum.core.evidence;

import io.pactum.core.ledger.StoredCheckpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What an export wrote: where, how much of each, the files, and the checkpoint every proof is against. */
public record EvidenceSummary(
        Path bundle,
        EvidencePeriod period,
        long entries,
        int agreements,
        int consents,
        int approvedProducts,
        int incidents,
        List<String> files,
        StoredCheckpoint checkpoint) {

    public EvidenceSummary {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(period, "period");
        files = List.copyOf(files);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }
}
