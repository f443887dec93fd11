package io.pactum.http.support;

import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.security.Principal;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.core.signal.SignalType;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a partner's refused API request (403 or 404) into an {@link SignalType#ACCESS_DENIED} signal,
 * so that detection notices a partner pulling beyond its agreements. Only partners: suppliers and the
 * operator stumble on 404s in ordinary work, and exfiltration under agreements is the partners' risk.
 * The detail names the method and route template, never the concrete path or body, because signals
 * are logged and kept in the ledger and ids there could name other organisations' resources.
 */
public final class AccessDenials {
    private final SecuritySignals signals;
    private final Clock clock;

    public AccessDenials(SecuritySignals signals, Clock clock) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Raises the signal if the request was a partner's and it is answered {@code status}; cheap, never blocks. */
    void answered(RoutingContext ctx, int status, String route) {
        if (status != 403 && status != 404) {
            return;
        }
        if (route.endsWith("/commands")) {
            return; // a refused partner command raises COMMAND_REFUSED already; one refusal counts once
        }
        Principal caller = AuthHandler.principalOrNull(ctx);
        if (caller == null || caller.role() != OrganisationRole.PARTNER) {
            return;
        }
        signals.raise(new SecuritySignal(SignalType.ACCESS_DENIED, clock.instant(), caller.organisationId(),
                source(ctx.request().remoteAddress()),
                ctx.request().method() + " " + route + " answered " + status + " to client " + caller.clientId()));
    }

    /** As the other adapters write it, {@code http 203.0.113.7:48396}; IPv6 in brackets, so the port stays apart. */
    static @Nullable String source(@Nullable SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return null;
        }
        String host = remote.hostAddress();
        return "http " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + remote.port();
    }
}
