package io.pactum.core.command;

/** Where a command stands. */
public enum CommandState {
    /** Signed and handed to the device's adapter; acknowledgement awaited. */
    SENT,
    /** The device acknowledged receiving it (MQTT PUBACK); its response is awaited. */
    DELIVERED,
    /** The device answered; the response is stored with the command. */
    RESPONDED,
    /** It could not be delivered; {@code detail} says why (device quarantined, revoked, offline, ...). */
    UNDELIVERABLE
}
