package io.pactum.mqtt;

import io.pactum.core.ingest.AuthenticatedDevice;
import io.pactum.core.ingest.InboundMessage;
import io.pactum.core.ingest.IngestOutcome;
import io.pactum.core.ingest.MessageIngest;
import org.jspecify.annotations.Nullable;

/**
 * Whether a device's received messages may still be ingested, shared by all its connections (a
 * takeover leaves the old one's messages in flight). Once {@link #close} returned, no message of
 * the device is passed to the ingest path any more: the check and the ingest happen under one lock,
 * so close waits for the one message being stored, if any.
 */
final class DeviceGate {
    private volatile boolean closed;

    boolean isClosed() {
        return closed;
    }

    /** Called when the device is quarantined or revoked; waits for an ingest in progress. */
    void close() {
        // Set before taking the lock: monitors are not fair, and a busy lane must not slip more
        // messages in ahead of us. Taking the lock then only waits for the one in progress.
        closed = true;
        synchronized (this) {
            // nothing more to do: the ingest that held the lock has finished
        }
    }

    /** Ingests unless closed; null when the message was dropped. Blocking. */
    synchronized @Nullable IngestOutcome ingest(MessageIngest ingest, AuthenticatedDevice device,
            InboundMessage message) {
        if (closed) {
            return null;
        }
        return ingest.ingest(device, message);
    }
}
