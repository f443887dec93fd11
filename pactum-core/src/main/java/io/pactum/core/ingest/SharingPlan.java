package io.pactum.core.ingest;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.delivery.OutboxEntry;
import java.util.List;

/**
 * What sharing decided for one message: the outbox entries that release its records, and the audit
 * events of those releases and of the denials. Both are stored in the records' transaction, so a
 * release is in the ledger exactly when it happened.
 */
public record SharingPlan(List<OutboxEntry> deliveries, List<AuditEvent> audit) {
    public static final SharingPlan NOTHING = new SharingPlan(List.of(), List.of());

    public SharingPlan {
        deliveries = List.copyOf(deliveries);
        audit = List.copyOf(audit);
    }
}
