package io.pactum.core.sharing;

import io.pactum.core.registry.Checks;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command the recipient may send, and to which devices. A device must also lie in the agreement's
 * scope: a grant never reaches beyond it. With both sets empty the grant covers every device in the
 * agreement's scope; otherwise only the devices named directly or through a named device group.
 */
public record CommandGrant(String command, Set<String> deviceIds, Set<String> deviceGroupIds) {
    public static final int MAX_TARGETS = 10_000;

    public CommandGrant(@Nullable String command, @Nullable Set<String> deviceIds, @Nullable Set<String> deviceGroupIds) {
        this.command = Checks.identifier("command", command);
        this.deviceIds = AgreementChecks.identifiers("deviceIds", deviceIds, MAX_TARGETS);
        this.deviceGroupIds = AgreementChecks.identifiers("deviceGroupIds", deviceGroupIds, MAX_TARGETS);
    }

    /** A grant of the command to every device in the agreement's scope. */
    public static CommandGrant toAllInScope(String command) {
        return new CommandGrant(command, Set.of(), Set.of());
    }

    public boolean coversWholeScope() {
        return deviceIds.isEmpty() && deviceGroupIds.isEmpty();
    }
}
