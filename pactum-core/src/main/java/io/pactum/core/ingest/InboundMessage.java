package io.pactum.core.ingest;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message as an adapter received it from an authenticated device, before anything was checked.
 *
 * @param adapter which adapter received it, e.g. {@code mqtt} or {@code http}
 * @param source where from, e.g. the remote address; for signals only
 * @param redelivery whether the transport marks this as a retransmission (MQTT DUP), so that a
 *     repeated counter is an acknowledgement lost on the way rather than a replay
 */
public record InboundMessage(Channel channel, byte[] payload, Instant receivedAt, String adapter,
        @Nullable String source, boolean redelivery) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(adapter, "adapter");
    }

    @Override
    public String toString() {
        return "InboundMessage[" + channel + ", " + payload.length + " bytes via " + adapter + "]";
    }
}
