package io.pactum.core.detect;

import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import java.util.Objects;

/**
 * Feeds security signals into a detection engine; chain it behind {@code LoggedSecuritySignals}.
 * Non-blocking, as {@link SecuritySignals} requires.
 */
public final class DetectionSignals implements SecuritySignals {
    private final DetectionEngine engine;

    public DetectionSignals(DetectionEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public void raise(SecuritySignal signal) {
        engine.observe(new Observation.Signal(signal));
    }
}
