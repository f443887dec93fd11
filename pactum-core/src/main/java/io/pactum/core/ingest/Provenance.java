package io.pactum.core.ingest;

import io.pactum.core.integrity.IntegrityMethod;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How a record reached the hub: through which adapter, protected how, with which message counter. */
public record Provenance(String adapter, IntegrityMethod integrity, @Nullable Long counter) {
    public Provenance {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(integrity, "integrity");
    }
}
