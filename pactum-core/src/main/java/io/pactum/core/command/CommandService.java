package io.pactum.core.command;

import static io.pactum.core.access.AccessPolicy.name;
import static io.pactum.core.access.AccessPolicy.requireOperator;
import static io.pactum.core.access.AccessPolicy.requireScope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.integrity.HubSigner;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.Ids;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands to devices and records what became of them. Each command is signed by the hub
 * with the next counter of its device, stored before it leaves, and updated with the delivery
 * result and later the device's response. A command to a device that is not active, or not
 * reachable, is stored as undeliverable with the reason.
 *
 * <p>A command the operator sends is in the audit trail once it was stored and delivered (or found
 * undeliverable): who sent which command to which device, and what became of it. Its parameters stay
 * in the command store; they may carry anything a device understands. Partner commands are audited by
 * {@link PartnerCommands}, which admits them.
 *
 * <p>Sending and recording a response for one device are serialised (a striped lock), so counters
 * are never reused and a fast response cannot be overwritten by the delivery result.
 */
public final class CommandService {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOCK_STRIPES = 64;
    private static final int MAX_LIST = 500;

    private final CommandStore commands;
    private final DeviceStore devices;
    private final HubSigner signer;
    private final Clock clock;
    private final AuditTrail audit;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private volatile CommandDelivery delivery = CommandDelivery.NONE;

    /** A command service that audits nothing: for tests of delivery alone. */
    public CommandService(CommandStore commands, DeviceStore devices, HubSigner signer, Clock clock) {
        this(commands, devices, signer, clock, event -> { });
    }

    public CommandService(CommandStore commands, DeviceStore devices, HubSigner signer, Clock clock,
            AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The key devices verify commands with (Ed25519); public, any organisation may read it. */
    public java.security.PublicKey hubKey(Principal caller) {
        requireScope(caller, Scope.READ);
        return signer.publicKey();
    }

    /** Sets the adapter that delivers commands; until then every device counts as offline. */
    public void useDelivery(CommandDelivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    public Command send(Principal caller, String deviceId, NewCommand request) {
        requireOperator(caller, Scope.WRITE, "send commands to devices");
        Device device = devices.find(deviceId).orElseThrow(() -> NotFoundException.of("device", deviceId));
        Command sent = dispatch(caller.clientId(), device, request);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("deviceId", sent.deviceId());
        details.put("commandId", sent.id());
        details.put("command", sent.name());
        details.put("state", name(sent.state()));
        if (sent.detail() != null) {
            details.put("reason", sent.detail());
        }
        audit.append(new AuditEvent(AuditEventType.COMMAND_SENT, sent.updatedAt(), caller.clientId(), details));
        return sent;
    }

    /** Signs, records and delivers a command whose sender is already authorised. */
    Command dispatch(String issuedBy, Device device, NewCommand request) {
        String deviceId = device.id();
        synchronized (lockOf(deviceId)) {
            Instant now = clock.instant();
            long counter = commands.lastCounter(deviceId) + 1;
            String id = Ids.newId();
            Command command = new Command(id, deviceId, request.name(), request.parameters().toString(),
                    issuedBy, counter, now, CommandState.SENT, null, null, now);
            if (device.state() != DeviceState.ACTIVE) {
                Command refused = command.withState(CommandState.UNDELIVERABLE, "the device is " + name(device.state()),
                        null, now);
                commands.insert(refused);
                return refused;
            }
            commands.insert(command);
            SECURITY.info("command {} '{}' to device {} by client {}", id, request.name(), deviceId, issuedBy);
            Command delivered;
            try {
                DeliveryResult result = delivery.deliver(deviceId, id, signer.sign(counter, payload(command, request)));
                delivered = result == DeliveryResult.DELIVERED
                        ? command.withState(CommandState.DELIVERED, null, null, clock.instant())
                        : command.withState(CommandState.UNDELIVERABLE, result.description(), null, clock.instant());
            } catch (RuntimeException e) {
                delivered = command.withState(CommandState.UNDELIVERABLE, "delivery failed", null, clock.instant());
            }
            commands.update(delivered);
            return delivered;
        }
    }

    public Command get(Principal caller, String deviceId, String commandId) {
        requireOperator(caller, Scope.READ, "read commands");
        return commands.find(commandId).filter(c -> c.deviceId().equals(deviceId))
                .orElseThrow(() -> NotFoundException.of("command", commandId));
    }

    public List<Command> list(Principal caller, String deviceId, int limit) {
        requireOperator(caller, Scope.READ, "read commands");
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_LIST);
        }
        devices.find(deviceId).orElseThrow(() -> NotFoundException.of("device", deviceId));
        return commands.listByDevice(deviceId, limit);
    }

    /**
     * Records a device's response to one of its commands. Ignored (empty) if the command does not
     * exist, belongs to another device, or was already answered: a device cannot answer for another.
     */
    public Optional<Command> recordResponse(String deviceId, String commandId, byte[] response) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(commandId, "commandId");
        String text = responseText(response);
        synchronized (lockOf(deviceId)) {
            Optional<Command> open = commands.find(commandId)
                    .filter(c -> c.deviceId().equals(deviceId))
                    .filter(c -> c.state() == CommandState.SENT || c.state() == CommandState.DELIVERED);
            open.ifPresent(c -> commands.update(c.withState(CommandState.RESPONDED, null, text, clock.instant())));
            return open.flatMap(c -> commands.find(commandId));
        }
    }

    private static byte[] payload(Command command, NewCommand request) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("id", command.id());
        payload.put("name", command.name());
        payload.set("parameters", request.parameters());
        payload.put("issuedAt", command.issuedAt().toString());
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Responses are kept as UTF-8 text of bounded size; anything else is refused. */
    private static String responseText(byte[] response) {
        if (response.length > Command.MAX_RESPONSE_BYTES) {
            throw new InvalidInputException("response", "a command response is at most " + Command.MAX_RESPONSE_BYTES
                    + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(response)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("response", "a command response must be UTF-8 text");
        }
    }

    private Object lockOf(String deviceId) {
        return locks[Math.floorMod(deviceId.hashCode(), LOCK_STRIPES)];
    }
}
