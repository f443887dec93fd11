package io.pactum.core.registry;

import java.util.Objects;

/**
 * A newly provisioned device with the secrets it needs, returned exactly once: the secret it
 * connects with and the key it MACs its messages with (base64url, 32 bytes).
 */
public record ProvisionedDevice(Device device, String secret, String macKey) {
    public ProvisionedDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(macKey, "macKey");
    }

    @Override
    public String toString() {
        return "ProvisionedDevice[device=" + device.id() + ", secret and key redacted]";
    }
}
