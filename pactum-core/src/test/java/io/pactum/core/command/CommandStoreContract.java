package io.pactum.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceCredentials;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.RegistryStores;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every command store must show; a back end runs it by extending this class. */
public abstract class CommandStoreContract {
    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00.000001Z");

    /** Fresh, empty stores of one back end: the registry (for devices) and the commands. */
    public record Stores(RegistryStores registry, CommandStore commands) {}

    protected abstract Stores newStores();

    private CommandStore commands;

    @BeforeEach
    void createDevices() {
        Stores stores = newStores();
        RegistryStores registry = stores.registry();
        commands = stores.commands();
        registry.organisations().insert(new Organisation("acme", "Acme", OrganisationRole.SUPPLIER, T0));
        registry.products().insert(new Product("thermo", "acme", "Thermo", "1", new DataModel(List.of(
                new FieldSpec("t", FieldType.NUMBER, "Cel", null, null, DataCategory.TECHNICAL))), PayloadFormat.JSON,
                ApprovalState.APPROVED, null, T0, T0));
        for (String id : List.of("thermo-1", "thermo-2")) {
            registry.devices().insert(new Device(id, "thermo", "acme", null, DeviceState.ACTIVE,
                    new DeviceCredentials("hash", null, new byte[] {1}), T0, T0));
        }
    }

    private static Command command(String id, String deviceId, long counter) {
        return new Command(id, deviceId, "set-point", "{\"celsius\":21.5}", "client-1", counter,
                T0.plusSeconds(counter), CommandState.SENT, null, null, T0.plusSeconds(counter));
    }

    @Test
    void insert_thenFind_returnsEqualCommand() {
        Command command = command("c1", "thermo-1", 1);

        commands.insert(command);

        assertThat(commands.find("c1")).contains(command);
        assertThat(commands.find("c2")).isEmpty();
    }

    @Test
    void update_changesStateDetailAndResponse() {
        Command command = command("c1", "thermo-1", 1);
        commands.insert(command);
        Command answered = command.withState(CommandState.RESPONDED, null, "{\"ok\":true}", T0.plusSeconds(60));

        commands.update(answered);

        assertThat(commands.find("c1")).contains(answered);
        assertThatThrownBy(() -> commands.update(command("ghost", "thermo-1", 9))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listByDevice_isNewestFirst_perDevice_upToLimit() {
        commands.insert(command("a", "thermo-1", 1));
        commands.insert(command("b", "thermo-1", 2));
        commands.insert(command("c", "thermo-1", 3));
        commands.insert(command("x", "thermo-2", 1));

        assertThat(commands.listByDevice("thermo-1", 2)).extracting(Command::id).containsExactly("c", "b");
        assertThat(commands.listByDevice("thermo-2", 10)).extracting(Command::id).containsExactly("x");
    }

    @Test
    void lastCounter_isTheHighestPerDevice_orZero() {
        assertThat(commands.lastCounter("thermo-1")).isZero();
        commands.insert(command("a", "thermo-1", 4));
        commands.insert(command("b", "thermo-1", 7));

        assertThat(commands.lastCounter("thermo-1")).isEqualTo(7);
        assertThat(commands.lastCounter("thermo-2")).isZero();
    }

    @Test
    void insert_ofAUsedCounter_isAConflict_andKeepsTheFirst() {
        Command first = command("a", "thermo-1", 1);
        commands.insert(first);

        assertThatThrownBy(() -> commands.insert(command("b", "thermo-1", 1))).isInstanceOf(ConflictException.class);
        assertThat(commands.listByDevice("thermo-1", 10)).containsExactly(first);
    }

    @Test
    void insert_forAnUnknownDevice_isRefused() {
        assertThatThrownBy(() -> commands.insert(command("a", "ghost", 1))).isInstanceOf(InvalidInputException.class);
        assertThat(commands.find("a")).isEmpty();
    }
}
