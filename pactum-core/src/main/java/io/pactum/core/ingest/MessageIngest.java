package io.pactum.core.ingest;

/**
 * The ingest path as adapters see it. Blocking (it stores); adapters call it off their event
 * loops. Messages of one device are processed in the order they are passed in.
 */
public interface MessageIngest {
    IngestOutcome ingest(AuthenticatedDevice device, InboundMessage message);
}
