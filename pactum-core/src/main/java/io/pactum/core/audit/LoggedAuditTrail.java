package io.pactum.core.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail until the ledger exists: events go to the {@code pactum.audit} logger (releases at
 * debug, the rest at info, since releases come with every message) and the most recent are kept in
 * memory for inspection and tests.
 */
public final class LoggedAuditTrail implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger("pactum.audit");

    private final int capacity;
    private final Deque<AuditEvent> recent;

    public LoggedAuditTrail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public void append(AuditEvent event) {
        if (event.type() == AuditEventType.DATA_RELEASED) {
            LOG.debug("{} by {}: {}", event.type(), event.actor(), event.details());
        } else {
            LOG.info("{} by {}: {}", event.type(), event.actor(), event.details());
        }
        synchronized (recent) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(event);
        }
    }

    /** The kept events that match, oldest first. */
    public List<AuditEvent> recent(Predicate<AuditEvent> filter) {
        synchronized (recent) {
            List<AuditEvent> result = new ArrayList<>();
            for (AuditEvent event : recent) {
                if (filter.test(event)) {
                    result.add(event);
                }
            }
            return result;
        }
    }
}
