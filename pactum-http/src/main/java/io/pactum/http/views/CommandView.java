package io.pactum.http.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.command.Command;
import io.pactum.core.command.CommandState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A command as the API shows it; parameters as the JSON object they were sent as. */
public record CommandView(
        String id,
        String deviceId,
        String name,
        JsonNode parameters,
        String issuedBy,
        long counter,
        Instant issuedAt,
        CommandState state,
        @Nullable String detail,
        @Nullable String response,
        Instant updatedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A partner's command: the partner knows the device only by its own pseudonym of it, so the
     * pseudonym stands in for the device id, here and in the detail.
     */
    public static CommandView forPartner(Command c, String devicePseudonym) {
        CommandView view = of(c);
        String detail = view.detail() == null ? null : view.detail().replace(c.deviceId(), devicePseudonym);
        return new CommandView(view.id(), devicePseudonym, view.name(), view.parameters(), view.issuedBy(),
                view.counter(), view.issuedAt(), view.state(), detail, view.response(), view.updatedAt());
    }

    public static CommandView of(Command c) {
        JsonNode parameters;
        try {
            parameters = JSON.readTree(c.parameters());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored command parameters are not JSON", e);
        }
        return new CommandView(c.id(), c.deviceId(), c.name(), parameters, c.issuedBy(), c.counter(), c.issuedAt(),
                c.state(), c.detail(), c.response(), c.updatedAt());
    }
}
