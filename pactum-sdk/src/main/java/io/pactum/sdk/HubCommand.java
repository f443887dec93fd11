package io.pactum.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/** A command from the hub, verified: its id (to answer on), name, parameters, time and counter. */
public record HubCommand(String id, String name, JsonNode parameters, Instant issuedAt, long counter) {
    public HubCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** The topic a device publishes its response to, as {@code docs/mqtt.md} describes. */
    public String responseTopic(String deviceId) {
        return "devices/" + deviceId + "/responses/" + id;
    }
}
