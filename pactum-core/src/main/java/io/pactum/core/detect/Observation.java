package io.pactum.core.detect;

import io.pactum.core.signal.SecuritySignal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the detection engine consumes. Every observation carries its own instant: the engine's
 * windows run on these instants, so tests drive it with synthetic time and a replayed stream gives
 * the same alarms. Identifiers here are only keys for counting; none is ever logged with a payload.
 */
public sealed interface Observation {
    Instant at();

    /** A security signal raised by an adapter or a pipeline stage. */
    record Signal(SecuritySignal signal) implements Observation {
        public Signal {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public Instant at() {
            return signal.at();
        }
    }

    /** A device authenticated and its connection was accepted; {@code source} as in signals ("mqtt host:port"). */
    record Connected(String deviceId, String source, Instant at) implements Observation {
        public Connected {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A device's connection ended, for whatever reason. Not used by the built-in behaviours. */
    record Disconnected(String deviceId, String source, Instant at) implements Observation {
        public Disconnected {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The pipeline accepted one device message of {@code bytes} bytes on the wire. */
    record MessageAccepted(String deviceId, String productId, long bytes, Instant at) implements Observation {
        public MessageAccepted {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(at, "at");
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must not be negative");
            }
        }
    }

    /** One numeric field value of an accepted message, for per-device baselines. */
    record ValueObserved(String deviceId, String productId, String field, double value, Instant at)
            implements Observation {
        public ValueObserved {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A partner organisation asked for data or sent a command; {@code allowed} is false when no
     * agreement covers it (the exfiltration signal). {@code kind} is a short label, e.g. "records".
     */
    record PartnerRequest(String organisationId, String kind, boolean allowed, Instant at) implements Observation {
        public PartnerRequest {
            Objects.requireNonNull(organisationId, "organisationId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }
}
