package io.pactum.http;

import io.pactum.core.command.CommandService;
import io.pactum.core.ingest.RecordQueries;
import java.util.Objects;

/** What the API offers about devices beyond the registry: commands to them and their stored records. */
public record DeviceServices(CommandService commands, RecordQueries records) {
    public DeviceServices {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(records, "records");
    }
}
