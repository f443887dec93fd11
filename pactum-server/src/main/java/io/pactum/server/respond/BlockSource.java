package io.pactum.server.respond;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.ResponseAction;
import io.pactum.core.ingest.BlockedSources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Refuses device connections from one host for a while, e.g. one spraying passwords. Only the host
 * is blocked, and only for {@code duration}: behind a shared address (a carrier's NAT) honest devices
 * wait too, which is why the block ends by itself.
 */
public final class BlockSource implements ResponseAction {
    /** An IPv4 or IPv6 address as the adapters report it; never a name, which would need a lookup. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]{2,45}");

    private final BlockedSources blocked;
    private final Clock clock;
    private final Duration duration;

    public BlockSource(BlockedSources blocked, Clock clock, Duration duration) {
        this.blocked = blocked;
        this.clock = clock;
        this.duration = duration;
    }

    @Override
    public String name() {
        return IncidentActions.BLOCK_SOURCE;
    }

    @Override
    public String take(Incident incident, String host) {
        if (!ADDRESS.matcher(host).matches() || !host.matches(".*[.:].*")) {
            throw new InvalidInputException("target", "block-source takes an IP address; '" + host
                    + "' is not one");
        }
        Instant until = clock.instant().plus(duration);
        blocked.block(host, until);
        return "device connections from this host refused until " + until;
    }

    @Override
    public boolean inEffect(String host) {
        return blocked.blocks(host, clock.instant());
    }

    @Override
    public String reverse(String host, String takenDetail) {
        return blocked.unblock(host) ? "block lifted" : "block had ended already";
    }
}
