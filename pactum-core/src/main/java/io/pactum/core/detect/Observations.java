package io.pactum.core.detect;

/**
 * Where adapters and the pipeline report what they observe for detection. Implementations must not
 * block: they are called on event loops and on the ingest path.
 */
@FunctionalInterface
public interface Observations {
    /** Observes nothing: for hubs and tests without detection. */
    Observations NONE = observation -> { };

    void observe(Observation observation);
}
