package io.pactum.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Automatic incident response: the playbooks (as text, see {@code Playbooks}), how long a host stays
 * blocked, and where the notify action posts to.
 */
public record IncidentConfig(String playbooks, int blockSourceMinutes, Optional<String> notifyUrl,
        Optional<String> notifySecret, boolean notifyAllowPlainHttp) {
    public IncidentConfig {
        Objects.requireNonNull(playbooks, "playbooks");
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        Objects.requireNonNull(notifySecret, "notifySecret");
        if (blockSourceMinutes < 1) {
            throw new IllegalArgumentException("a host is blocked for at least a minute");
        }
    }

    @Override
    public String toString() {
        return "IncidentConfig[playbooks=" + playbooks + ", blockSourceMinutes=" + blockSourceMinutes
                + ", notifyUrl=" + notifyUrl.isPresent() + ", notifySecret=(hidden)]";
    }
}
