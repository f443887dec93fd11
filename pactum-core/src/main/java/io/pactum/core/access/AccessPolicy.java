package io.pactum.core.access;

import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry's authorisation rules in one place. Two kinds of refusal: a caller whose role or
 * token may not perform an action at all gets 403 ({@link ForbiddenException}); a caller asking for
 * another organisation's resource gets 404 ({@link NotFoundException}), so that ids of other
 * organisations' resources cannot be probed.
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    public static void requireScope(Principal caller, Scope scope) {
        if (!caller.has(scope)) {
            throw new ForbiddenException("this token lacks the '" + name(scope) + "' scope");
        }
    }

    /** Requires one of the given roles (the operator is always allowed) and the scope. */
    public static void requireRole(Principal caller, Scope scope, String action, OrganisationRole... roles) {
        requireScope(caller, scope);
        if (caller.isOperator()) {
            return;
        }
        if (Arrays.stream(roles).noneMatch(r -> r == caller.role())) {
            throw new ForbiddenException("organisations with role " + name(caller.role()) + " may not " + action);
        }
    }

    /** Requires the operator role and the scope. */
    public static void requireOperator(Principal caller, Scope scope, String action) {
        requireRole(caller, scope, action);
    }

    /**
     * Requires a caller that receives data under agreements (a partner or supplier, not the
     * operator) with the scope; returns its organisation, the recipient it acts for.
     */
    public static String requireRecipient(Principal caller, Scope scope, String action) {
        requireRole(caller, scope, action, OrganisationRole.PARTNER, OrganisationRole.SUPPLIER);
        if (caller.isOperator()) {
            throw new ForbiddenException("the operator receives no deliveries and sends no partner commands; use a"
                    + " recipient's token to " + action);
        }
        return caller.organisationId();
    }

    /** Whether the caller may act on what the given organisation owns. */
    public static boolean mayAccess(Principal caller, String ownerId) {
        return caller.isOperator() || caller.belongsTo(ownerId);
    }

    /**
     * Returns the resource if it exists and the caller may access its owner's resources; otherwise
     * the same not-found error either way.
     */
    public static <T> T visible(Principal caller, Optional<T> resource, Function<T, String> owner,
            String kind, String id) {
        return resource.filter(r -> mayAccess(caller, owner.apply(r)))
                .orElseThrow(() -> NotFoundException.of(kind, id));
    }

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
