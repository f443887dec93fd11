package io.pactum.core.signal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records signals in the {@code pactum.security} log, counts them by type since the start, and
 * keeps the most recent ones in memory, bounded, so that an attack cannot grow it.
 */
public final class LoggedSecuritySignals implements SecuritySignals {
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");

    private final int capacity;
    private final Deque<SecuritySignal> recent = new ArrayDeque<>();
    private final SecuritySignals next;
    private final Map<SignalType, LongAdder> counts = new EnumMap<>(SignalType.class);

    public LoggedSecuritySignals(int capacity) {
        this(capacity, signal -> {});
    }

    /** Also hands every signal to {@code next}, e.g. the audit ledger; it must not block. */
    public LoggedSecuritySignals(int capacity, SecuritySignals next) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.next = java.util.Objects.requireNonNull(next, "next");
        for (SignalType type : SignalType.values()) {
            counts.put(type, new LongAdder());
        }
    }

    @Override
    public void raise(SecuritySignal signal) {
        SECURITY.warn("signal {} subject={} source={}: {}", signal.type(), signal.subject(), signal.source(),
                signal.detail());
        counts.get(signal.type()).increment();
        synchronized (recent) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(signal);
        }
        next.raise(signal);
    }

    /** How many signals of each type were raised since the start; every type is present. */
    public Map<SignalType, Long> counts() {
        Map<SignalType, Long> snapshot = new EnumMap<>(SignalType.class);
        counts.forEach((type, count) -> snapshot.put(type, count.sum()));
        return snapshot;
    }

    /** The most recent signals, oldest first. */
    public List<SecuritySignal> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
