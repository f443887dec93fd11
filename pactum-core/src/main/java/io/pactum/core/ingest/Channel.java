package io.pactum.core.ingest;

/** What a device message carries: periodic measurements or discrete events. */
public enum Channel {
    TELEMETRY,
    EVENT
}
