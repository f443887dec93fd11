package io.pactum.server.simulate;

import java.util.Objects;

/** A provisioned device as the simulator needs it: its id, its secret (MQTT password) and its MAC key. */
public record SimDevice(String id, String secret, byte[] macKey) {
    public SimDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(macKey, "macKey");
    }

    String telemetryTopic() {
        return "devices/" + id + "/telemetry";
    }

    @Override
    public String toString() {
        return "SimDevice[" + id + ", credentials redacted]";
    }
}
