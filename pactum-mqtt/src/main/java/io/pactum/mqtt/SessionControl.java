package io.pactum.mqtt;

import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;

/** What CONNECT handling needs of an admitted connection, device or partner: supervise it, end it. */
interface SessionControl {
    /** Nanoseconds since the client last sent a packet that counts as activity. Event loop. */
    long idleNanos();

    /** Ends the connection (MQTT 5 with a DISCONNECT carrying {@code code}). Event loop. */
    void disconnect(MqttDisconnectReasonCode code);

    /** Runs {@code action} on the event loop once the connection has closed. */
    void onClose(Runnable action);
}
