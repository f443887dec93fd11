package io.pactum.core.command;

/**
 * How a signed command reaches a device: implemented by the adapter that holds the device's
 * connection. Blocking: returns once the device acknowledged, or it is clear that it will not.
 */
@FunctionalInterface
public interface CommandDelivery {
    DeliveryResult deliver(String deviceId, String commandId, byte[] signedCommand);

    /** For a hub without a device adapter: every device is offline. */
    CommandDelivery NONE = (deviceId, commandId, signedCommand) -> DeliveryResult.DEVICE_OFFLINE;
}
