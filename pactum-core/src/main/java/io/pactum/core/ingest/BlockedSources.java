package io.pactum.core.ingest;

import io.pactum.core.detect.SourceHost;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Hosts the hub refuses devices from for a while, e.g. one that sprayed passwords. Checked before
 * any credential, so a blocked host costs the hub no slow hash. Kept in memory: a block is a
 * short-lived containment (it ends by itself or by the operator), and a restart ends it too.
 */
public final class BlockedSources {
    private final Map<String, Instant> until = new ConcurrentHashMap<>();

    /** Blocks the host (an address, as {@link SourceHost} extracts it) until the given instant. */
    public void block(String host, Instant until) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(until, "until");
        this.until.put(host, until);
    }

    /** Lifts the block; returns whether there was one. */
    public boolean unblock(String host) {
        return until.remove(Objects.requireNonNull(host, "host")) != null;
    }

    /** Whether the host (an address) is blocked at {@code now}. */
    public boolean blocks(String host, Instant now) {
        Instant end = until.get(Objects.requireNonNull(host, "host"));
        return end != null && now.isBefore(end);
    }

    /** Whether a connection from {@code source} ("mqtt 203.0.113.7:48396") is refused at {@code now}. */
    public boolean refuses(@Nullable String source, Instant now) {
        if (until.isEmpty()) {
            return false;
        }
        String host = SourceHost.of(source);
        Instant end = host == null ? null : until.get(host);
        if (end == null) {
            return false;
        }
        if (!now.isBefore(end)) {
            until.remove(host, end);
            return false;
        }
        return true;
    }
}
