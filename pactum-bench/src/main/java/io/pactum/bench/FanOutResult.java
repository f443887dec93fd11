package io.pactum.bench;

import java.util.List;

/**
 * One fan-out round's outcome: {@code messages} device messages, each to {@code recipients}
 * recipients; the time from the first publish until every PUBACK arrived ({@code ackedNanos}) and
 * until every recipient had every message ({@code deliveredNanos}); latencies publish → PUBACK and
 * publish → receipt (by the last recipient, and per recipient); the median latency of the fastest
 * and the slowest device (how evenly the devices were served).
 */
record FanOutResult(String system, String round, boolean warmup, long messages, int recipients, long ackedNanos,
        long deliveredNanos, Percentiles toAck, Percentiles toAll, List<Percentiles> perRecipient,
        long fastestDeviceP50, long slowestDeviceP50, long redeliveries, List<String> problems) {
    FanOutResult {
        perRecipient = List.copyOf(perRecipient);
        problems = List.copyOf(problems);
    }

    boolean complete() {
        return problems.isEmpty() && deliveredNanos > 0;
    }

    /** Device messages per second that reached every recipient; 0 if the round was incomplete. */
    double rate() {
        return complete() ? messages / (deliveredNanos / 1e9) : 0;
    }

    /** Device messages per second acknowledged to the devices (stored, for the hub). */
    double ackRate() {
        return complete() && ackedNanos > 0 ? messages / (ackedNanos / 1e9) : 0;
    }

    String line() {
        StringBuilder line = new StringBuilder(String.format("%-9s %-9s %,7d msgs x %d: all PUBACKs %7.3f s,"
                + " all delivered %7.3f s = %8s msg/s; to all: %s", system, round, messages, recipients,
                ackedNanos / 1e9, deliveredNanos / 1e9, complete() ? String.format("%,.0f", rate()) : "incomplete",
                toAll));
        line.append(String.format("%n            to PUBACK: %s; median per device from %s ms (fastest) to %s ms"
                + " (slowest)", toAck, Percentiles.millis(fastestDeviceP50), Percentiles.millis(slowestDeviceP50)));
        for (int r = 0; r < perRecipient.size(); r++) {
            line.append(String.format("%n            recipient %d: %s", r + 1, perRecipient.get(r)));
        }
        if (redeliveries > 0) {
            line.append(String.format("%n            %,d redeliveries (same event again, not timed)", redeliveries));
        }
        if (!problems.isEmpty()) {
            line.append("\n            PROBLEM: ").append(String.join("; ", problems));
        }
        return line.toString();
    }
}
