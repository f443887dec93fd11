package io.pactum.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** The side-by-side table of two systems' measured fan-out rounds (medians over the runs, with ranges). */
final class FanOutReport {
    private final List<FanOutResult> results;

    FanOutReport(List<FanOutResult> results) {
        this.results = List.copyOf(results);
    }

    /** Prints the table and every problem; returns whether every round (warm-ups too) was complete. */
    boolean print(String a, String b) {
        List<FanOutResult> ra = measured(a);
        List<FanOutResult> rb = measured(b);
        System.out.printf("| QoS 1, %s | %s | %s | %s / %s |%n", runsText(ra, rb), a, b, a, b);
        System.out.println("| --- | ---: | ---: | ---: |");
        row("device messages per run, each to " + recipients(ra) + " recipients", count(ra), count(rb), "");
        double rateA = median(ra, FanOutResult::rate);
        double rateB = median(rb, FanOutResult::rate);
        row("**end to end: messages/s delivered to every recipient**", rate(ra, FanOutResult::rate),
                rate(rb, FanOutResult::rate), ratio(rateA, rateB, b));
        row("deliveries/s (messages/s × recipients)", String.format("%,.0f", rateA * recipients(ra)),
                String.format("%,.0f", rateB * recipients(rb)), "");
        row("messages/s acknowledged to the devices (all PUBACKs)", rate(ra, FanOutResult::ackRate),
                rate(rb, FanOutResult::ackRate), "");
        row("latency publish → PUBACK, p50", millis(ra, p -> p.toAck().p50()), millis(rb, p -> p.toAck().p50()), "");
        row("latency publish → PUBACK, p99", millis(ra, p -> p.toAck().p99()), millis(rb, p -> p.toAck().p99()), "");
        row("latency publish → received by every recipient, p50", millis(ra, p -> p.toAll().p50()),
                millis(rb, p -> p.toAll().p50()), "");
        row("latency publish → received by every recipient, p99", millis(ra, p -> p.toAll().p99()),
                millis(rb, p -> p.toAll().p99()), "");
        row("latency, worst message of all runs", worst(ra), worst(rb), "");
        row("median latency of the slowest device / of the fastest", millis(ra, FanOutResult::slowestDeviceP50)
                + " / " + millis(ra, FanOutResult::fastestDeviceP50), millis(rb, FanOutResult::slowestDeviceP50)
                + " / " + millis(rb, FanOutResult::fastestDeviceP50), "");
        boolean ok = true;
        for (FanOutResult r : results) {
            if (!r.complete()) {
                ok = false;
                System.out.println("PROBLEM in " + r.system() + " " + r.round() + ": " + String.join("; ", r.problems()));
            }
        }
        return ok;
    }

    private static String runsText(List<FanOutResult> ra, List<FanOutResult> rb) {
        return "median of " + ra.size() + (ra.size() == rb.size() ? "" : " / " + rb.size()) + " runs (min–max)";
    }

    private List<FanOutResult> measured(String system) {
        return results.stream().filter(r -> r.system().equals(system) && !r.warmup()).toList();
    }

    private static void row(String what, String a, String b, String ratio) {
        System.out.printf("| %s | %s | %s | %s |%n", what, a, b, ratio);
    }

    private static int recipients(List<FanOutResult> runs) {
        return runs.isEmpty() ? 0 : runs.get(0).recipients();
    }

    private static String count(List<FanOutResult> runs) {
        return runs.isEmpty() ? "-" : String.format("%,d", runs.get(0).messages());
    }

    private static String rate(List<FanOutResult> runs, ToDoubleFunction<FanOutResult> metric) {
        if (runs.isEmpty() || runs.stream().anyMatch(r -> !r.complete())) {
            return "incomplete";
        }
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        return String.format("%,.0f (%,.0f–%,.0f)", median(values), values[0], values[values.length - 1]);
    }

    private static String millis(List<FanOutResult> runs, ToLongFunction<FanOutResult> metric) {
        if (runs.isEmpty() || runs.stream().anyMatch(r -> !r.complete())) {
            return "incomplete";
        }
        long[] values = runs.stream().mapToLong(metric).sorted().toArray();
        return Percentiles.millis(values[values.length / 2]) + " ms (" + Percentiles.millis(values[0]) + "–"
                + Percentiles.millis(values[values.length - 1]) + ")";
    }

    private static String worst(List<FanOutResult> runs) {
        return runs.isEmpty() ? "-" : Percentiles.millis(runs.stream().mapToLong(r -> r.toAll().max()).max()
                .orElse(0)) + " ms";
    }

    private static double median(List<FanOutResult> runs, ToDoubleFunction<FanOutResult> metric) {
        return runs.isEmpty() ? 0 : median(runs.stream().mapToDouble(metric).sorted().toArray());
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static String ratio(double a, double b, String faster) {
        return a > 0 && b > 0 ? String.format("%.3f (%s %.1f× faster)", a / b, faster, b / a) : "n/a";
    }
}
