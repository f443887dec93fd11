package io.pactum.http.views;

import io.pactum.core.registry.ProvisionedDevice;

/** A new device with its secret and MAC key: the only response that ever carries them. */
public record ProvisionedDeviceView(DeviceView device, String secret, String macKey) {
    public static ProvisionedDeviceView of(ProvisionedDevice p) {
        return new ProvisionedDeviceView(DeviceView.of(p.device()), p.secret(), p.macKey());
    }

    @Override
    public String toString() {
        return "ProvisionedDeviceView[device=" + device.id() + ", secret and key redacted]";
    }
}
