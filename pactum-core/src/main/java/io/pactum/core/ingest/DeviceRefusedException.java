package io.pactum.core.ingest;

import java.util.Objects;

/** A device's connection or message was refused; {@link #reason()} is what adapters translate. */
public final class DeviceRefusedException extends RuntimeException {
    private final DeviceRefusal reason;

    public DeviceRefusedException(DeviceRefusal reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DeviceRefusal reason() {
        return reason;
    }
}
