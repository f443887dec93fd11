package io.pactum.core.registry;

import org.jspecify.annotations.Nullable;

/** Request to move a device to another state, with the reason recorded beside it. */
public record DeviceStateChange(DeviceState state, @Nullable String reason) {
    public DeviceStateChange(@Nullable DeviceState state, @Nullable String reason) {
        this.state = Checks.present("state", state);
        this.reason = Checks.optionalText("reason", reason);
    }
}
