package io.pactum.bench;

import io.pactum.core.signal.SecuritySignal;
import io.pactum.server.Hub;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hub itself confirms about a sharing round: exactly one stored record per message, exactly
 * one outbox entry per message and recipient (both committed with the record), and no security
 * signal (no message rejected).
 */
final class HubRoundCheck implements FanOutRunner.Check {
    private final Hub hub;
    private final StoredRecordCounter counter;
    private final int recipients;
    private long records;
    private long outbox;
    private Instant from = Instant.EPOCH;

    HubRoundCheck(Hub hub, StoredRecordCounter counter, int recipients) {
        this.hub = hub;
        this.counter = counter;
        this.recipients = recipients;
    }

    @Override
    public void before() {
        try {
            records = counter.countNow();
            outbox = counter.countRows("outbox");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the hub's records: " + e.getMessage(), e);
        }
        from = Instant.now();
    }

    @Override
    public List<String> after(long messages) {
        List<String> problems = new ArrayList<>();
        try {
            long stored = counter.countNow() - records;
            if (stored != messages) {
                problems.add("stored " + stored + " of " + messages + " records");
            }
            long entries = counter.countRows("outbox") - outbox;
            if (entries != messages * recipients) {
                problems.add("outbox grew by " + entries + ", not " + messages * recipients);
            }
        } catch (SQLException e) {
            problems.add("cannot count the hub's records: " + e.getMessage());
        }
        long signals = hub.gateway().signals().recent().stream()
                .map(SecuritySignal::at).filter(t -> !t.isBefore(from)).count();
        if (signals > 0) {
            problems.add(signals + " security signals (rejections) raised");
        }
        return problems;
    }
}
