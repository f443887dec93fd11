package io.pactum.http;

import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.MessageIngest;
import java.time.Clock;
import java.util.Objects;

/**
 * What HTTP device ingest needs from the hub: the device authenticator and the ingest pipeline
 * shared with the other device adapters, so that HTTP devices meet the same rules as MQTT ones.
 * Without it, {@link ApiRouter} serves no ingest routes.
 *
 * @param clock stamps when a message was received
 */
public record DeviceIngestion(DeviceAuthenticator authenticator, MessageIngest ingest, Clock clock) {
    public DeviceIngestion {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(clock, "clock");
    }

    /** Receipt times from the system clock. */
    public DeviceIngestion(DeviceAuthenticator authenticator, MessageIngest ingest) {
        this(authenticator, ingest, Clock.systemUTC());
    }
}
