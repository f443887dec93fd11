package io.pactum.core.ledger;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SecuritySignals;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Security signals into the ledger. Signals are raised on event loops and come in floods during an
 * attack, so they are queued ({@link Ledger#record}), never waited for; a flood beyond the queue is
 * recorded as a count.
 */
public final class LedgerSignals implements SecuritySignals {
    private final Ledger ledger;

    public LedgerSignals(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public void raise(SecuritySignal signal) {
        TreeMap<String, String> details = new TreeMap<>();
        details.put("signal", signal.type().name());
        details.put("subject", signal.subject());
        if (signal.source() != null) {
            details.put("source", signal.source());
        }
        details.put("detail", signal.detail());
        ledger.record(new AuditEvent(AuditEventType.SECURITY_SIGNAL, signal.at(), AuditEvent.HUB, details));
    }
}
