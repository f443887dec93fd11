package io.pactum.core.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.Checks;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Request to send a command: a name the device understands and a JSON object of parameters. */
public record NewCommand(String name, ObjectNode parameters) {
    public static final int MAX_PARAMETER_BYTES = 4096;

    public NewCommand(@Nullable String name, @Nullable ObjectNode parameters) {
        this.name = Checks.identifier("name", name);
        ObjectNode checked = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters.deepCopy();
        if (checked.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PARAMETER_BYTES) {
            throw new InvalidInputException("parameters", "parameters must be at most " + MAX_PARAMETER_BYTES + " bytes");
        }
        this.parameters = checked;
    }

    @Override
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }
}
