package io.pactum.core.sharing;

import io.pactum.core.registry.Checks;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceState;
import org.jspecify.annotations.Nullable;

/**
 * The device a partner command is for, as the decision needs it: its product (agreements scope by
 * product), its data subject (for agreements on consent) and whether it is active.
 */
public record CommandTarget(String deviceId, String productId, @Nullable String subjectId, boolean active) {
    public CommandTarget {
        Checks.identifier("deviceId", deviceId);
        Checks.identifier("productId", productId);
        Checks.optionalIdentifier("subjectId", subjectId);
    }

    public static CommandTarget of(Device device) {
        return new CommandTarget(device.id(), device.productId(), device.subjectId(),
                device.state() == DeviceState.ACTIVE);
    }
}
