package io.pactum.core.audit;

/**
 * Where accountable events go. Implementations must be thread-safe and fast: releases are handed
 * over on the message path.
 */
@FunctionalInterface
public interface AuditTrail {
    void append(AuditEvent event);
}
