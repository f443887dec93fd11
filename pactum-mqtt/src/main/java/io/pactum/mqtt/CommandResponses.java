package io.pactum.mqtt;

/**
 * Where a device's responses to commands go (for the hub: {@code CommandService::recordResponse}).
 * Called off the event loop, in the device's ordered lane; blocking is fine. An
 * {@link io.pactum.core.error.InvalidInputException} says the payload is not acceptable (MQTT 5
 * PUBACK Payload format invalid); any other exception is a failure of the hub, and the device's
 * connection is closed without acknowledging, so it may send the response again.
 */
@FunctionalInterface
public interface CommandResponses {
    void respond(String deviceId, String commandId, byte[] payload);

    /** For an adapter without a command service: responses are acknowledged and dropped. */
    CommandResponses NONE = (deviceId, commandId, payload) -> { };
}
