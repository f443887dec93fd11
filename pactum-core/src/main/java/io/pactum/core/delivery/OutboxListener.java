package io.pactum.core.delivery;

import java.util.Set;

/** Told, after a commit, which recipients' outboxes grew, so channels wake without polling; must return at once, never block. */
@FunctionalInterface
public interface OutboxListener {
    void appended(Set<String> recipientIds);
}
