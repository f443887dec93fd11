package io.pactum.core.command;

import static io.pactum.core.access.AccessPolicy.requireRecipient;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.audit.AuditTrail;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.privacy.RecipientPseudonymiser;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceGroupStore;
import io.pactum.core.registry.DeviceStore;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.CommandTarget;
import io.pactum.core.sharing.Decision;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commands from partners. A partner knows a device only by its own pseudonym of it (the one in the
 * records it receives), so it addresses the device that way; the hub resolves the pseudonym among the
 * devices its agreements reach. A command goes out only if the policy decision point allows it: an
 * agreement grants that command for that device, the device is active, consent stands where it is the
 * legal basis, and the agreement's command rate holds. A refusal names the reason, is raised as a
 * {@link SignalType#COMMAND_REFUSED} signal and audited; so is every admitted command.
 */
public final class PartnerCommands {
    /**
     * A recipient's pseudonym index is rebuilt when the agreements change, and otherwise (for new
     * devices of a product in scope) at most this often on a miss, so guessing cannot load the hub.
     */
    private static final long REBUILD_MILLIS = 1_000;

    private final CommandService commands;
    private final DeviceStore devices;
    private final DeviceGroupStore groups;
    private final PolicyDecisionPoint decisions;
    private final Pseudonymiser pseudonymiser;
    private final SecuritySignals signals;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, PseudonymIndex> indexes = new ConcurrentHashMap<>();

    /**
     * One recipient's pseudonyms of the devices its agreements reach, when they were computed, and for
     * which compilation of the agreements.
     */
    private record PseudonymIndex(Map<String, String> deviceByPseudonym, long builtAtMillis, long agreementsVersion) {}

    public PartnerCommands(CommandService commands, DeviceStore devices, DeviceGroupStore groups,
            PolicyDecisionPoint decisions, Pseudonymiser pseudonymiser, SecuritySignals signals, AuditTrail audit,
            Clock clock) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends a command to the device the caller knows as {@code devicePseudonym}; refused with
     * {@link ForbiddenException} (reason in the message) unless an agreement allows it.
     */
    public Command send(Principal caller, String devicePseudonym, NewCommand request) {
        String recipientId = requireRecipient(caller, Scope.WRITE,
                "send partner commands");
        Instant now = clock.instant();
        Device device = resolve(recipientId, devicePseudonym).flatMap(devices::find).orElse(null);
        if (device == null) {
            refuse(caller, devicePseudonym, request, now, "unknown-device",
                    "no device known to " + recipientId + " as " + devicePseudonym);
            throw NotFoundException.of("device", devicePseudonym);
        }
        Decision decision = decisions.decideCommand(recipientId, CommandTarget.of(device), request.name(), now);
        if (!decision.allowed()) {
            refuse(caller, devicePseudonym, request, now, decision.reason().code(), decision.explanation());
            throw new ForbiddenException("command refused (" + decision.reason().code() + "): "
                    + decision.explanation().replace(device.id(), devicePseudonym));
        }
        audit.append(new AuditEvent(AuditEventType.COMMAND_ALLOWED, now, caller.clientId(), Map.of(
                "recipientId", recipientId,
                "devicePseudonym", devicePseudonym,
                "command", request.name(),
                "agreementId", Objects.requireNonNullElse(decision.agreementId(), ""))));
        return commands.dispatch(caller.clientId(), device, request);
    }

    private void refuse(Principal caller, String devicePseudonym, NewCommand request, Instant now, String reason,
            String explanation) {
        signals.raise(new SecuritySignal(SignalType.COMMAND_REFUSED, now, caller.organisationId(),
                "client " + caller.clientId(), reason + ": command '" + request.name() + "' to " + devicePseudonym));
        audit.append(new AuditEvent(AuditEventType.COMMAND_REFUSED, now, caller.clientId(), Map.of(
                "recipientId", caller.organisationId(),
                "devicePseudonym", devicePseudonym,
                "command", request.name(),
                "reason", reason,
                "explanation", explanation)));
    }

    private java.util.Optional<String> resolve(String recipientId, String pseudonym) {
        PseudonymIndex index = indexes.get(recipientId);
        long nowMillis = clock.millis();
        long version = decisions.version();
        if (index == null || index.agreementsVersion() != version || (!index.deviceByPseudonym().containsKey(pseudonym)
                && nowMillis - index.builtAtMillis() >= REBUILD_MILLIS)) {
            index = new PseudonymIndex(build(recipientId), nowMillis, version);
            indexes.put(recipientId, index);
        }
        return java.util.Optional.ofNullable(index.deviceByPseudonym().get(pseudonym));
    }

    /** Pseudonyms of every device in the scope of the recipient's agreements that grant any command. */
    private Map<String, String> build(String recipientId) {
        RecipientPseudonymiser keyed = pseudonymiser.forRecipient(recipientId);
        Map<String, String> result = new HashMap<>();
        for (Agreement agreement : decisions.agreementsOf(recipientId)) {
            if (agreement.commands().isEmpty()) {
                continue;
            }
            for (String productId : agreement.productIds()) {
                for (Device device : devices.listByProduct(productId)) {
                    result.put(keyed.pseudonym(device.id()), device.id());
                }
            }
            for (String groupId : agreement.deviceGroupIds()) {
                groups.find(groupId).ifPresent(group ->
                        group.deviceIds().forEach(id -> result.put(keyed.pseudonym(id), id)));
            }
        }
        return result;
    }
}
