package io.pactum.core.command;

import io.pactum.core.registry.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A command to one device, as the hub keeps it: what was asked (name, parameters as JSON text),
 * by whom, the counter it was signed with, and how far it got.
 *
 * @param detail why it is undeliverable, if it is
 * @param response the device's answer (UTF-8 text, at most {@value #MAX_RESPONSE_BYTES} bytes), if any
 */
public record Command(
        String id,
        String deviceId,
        String name,
        String parameters,
        String issuedBy,
        long counter,
        Instant issuedAt,
        CommandState state,
        @Nullable String detail,
        @Nullable String response,
        Instant updatedAt) {

    public static final int MAX_RESPONSE_BYTES = 4096;

    public Command {
        Checks.identifier("id", id);
        Checks.identifier("deviceId", deviceId);
        Checks.identifier("name", name);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(issuedBy, "issuedBy");
        if (counter < 1) {
            throw new IllegalArgumentException("counter must be 1 or more");
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(state, "state");
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public Command withState(CommandState newState, @Nullable String newDetail, @Nullable String newResponse,
            Instant at) {
        return new Command(id, deviceId, name, parameters, issuedBy, counter, issuedAt, newState, newDetail, newResponse,
                at);
    }
}
