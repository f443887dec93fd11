package io.pactum.server.simulate;

/**
 * Wraps a payload in a COSE_Mac0 for a device, as {@code io.pactum.sdk.DeviceMessages::mac0} does.
 * Passed in rather than called directly because pactum-server's main code does not depend on the
 * SDK; the tests, the bench and the demo pass the SDK's method.
 */
@FunctionalInterface
public interface MessageSealer {
    byte[] mac0(String deviceId, byte[] macKey, long counter, byte[] payload);
}
