package io.pactum.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.pactum.bench.BenchFleet.BenchDevice;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.server.Hub;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The MQTT ingest load harness (issue #3): in one run on loopback, the same pre-built COSE_Mac0
 * SenML messages go from the same number of connections (one per device) at the same QoS
 * <ol>
 *   <li>into a Pactum hub started in-process (authenticated MQTT, verification, replay check,
 *       translation, validation, H2 storage), timed until every record is stored (QoS 0) or
 *       every PUBACK arrived, which the hub sends only after storing (QoS 1); and</li>
 *   <li>through Debian's Mosquitto broker to one subscriber per device topic, timed until the
 *       subscribers received every message (and, at QoS 1, every PUBACK arrived).</li>
 * </ol>
 * Each system gets an uncounted warm-up round per QoS first. Every round is bounded in messages and
 * time. See {@code docs/benchmarks.md} for the command and the results.
 */
public final class IngestLoadHarness {
    private static final String USAGE = """
            usage: java -cp pactum-bench.jar io.pactum.bench.IngestLoadHarness [options]
              --devices N          devices = MQTT connections (default 10)
              --messages M         messages per device per measured round (default 5000)
              --warmup-messages W  messages per device in the uncounted warm-up round (default min(M/5, 1000))
              --qos LIST           QoS levels to measure, comma separated: 0, 1 or 0,1 (default 0,1)
              --inflight K         QoS 1: unacknowledged PUBLISHes per connection (default 100)
              --qos0-window K      QoS 0: messages sent but not yet stored/received, all connections together
                                   (default 900, below the hub's 1000 queued messages per device);
                                   0 = no limit (the hub then disconnects devices that outrun storage)
              --timeout S          longest a round may take, in seconds (default 180)
              --poll-millis P      how often the hub's record count is polled (default 10)
              --mosquitto PATH     the Mosquitto broker binary (default /usr/sbin/mosquitto)
              --verbose            keep the hub's INFO logs
            """;

    private final Options options;
    private final List<Result> results = new ArrayList<>();

    private IngestLoadHarness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = LoadOptions.prepare(args, Options::parse, USAGE).orElse(null);
        if (options == null) {
            return;
        }
        boolean ok = new IngestLoadHarness(options).run();
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception {
        Machine machine = Machine.describe();
        String started = Harness.utcNow();
        System.out.println("Pactum MQTT ingest load harness, " + started);
        System.out.println("machine:   " + machine);
        System.out.println("load avg:  " + Machine.loadAverage() + " (1, 5, 15 min) at start");
        System.out.println("JVM args:  " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("broker:    " + MosquittoBroker.version(options.mosquitto));
        System.out.printf("load:      %d devices x %d messages per round (warm-up %d), QoS %s, QoS 1 in-flight %d"
                + " per connection, QoS 0 window %s%n", options.devices, options.messages, options.warmupMessages,
                options.qos, options.inflight, options.qos0Window == 0 ? "unlimited" : options.qos0Window);

        Path work = Files.createTempDirectory("pactum-bench-");
        Vertx clientRuntime = Harness.clientRuntime();
        try {
            runPactum(work.resolve("hub"), clientRuntime);
            runMosquitto(work, clientRuntime);
        } finally {
            LoadClients.await(clientRuntime.close(), "stop the client runtime");
            Harness.deleteTree(work);
        }
        return report(machine);
    }

    // ---------------------------------------------------------------- Pactum

    /** Rounds per QoS, each device's counters continuing where the last round stopped. */
    private Map<String, byte[][][]> buildMessages(List<BenchDevice> devices) {
        Map<String, byte[][][]> rounds = new LinkedHashMap<>();
        long[] nextCounter = new long[devices.size()];
        java.util.Arrays.fill(nextCounter, 1);
        Instant newest = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long started = System.nanoTime();
        for (int qos : options.qos) {
            for (boolean warmup : new boolean[] {true, false}) {
                int count = warmup ? options.warmupMessages : options.messages;
                byte[][][] messages = new byte[devices.size()][][];
                for (int d = 0; d < devices.size(); d++) {
                    BenchDevice device = devices.get(d);
                    messages[d] = GlucoseMessages.build(device.id(), device.macKey(), nextCounter[d], count, newest,
                            31L * d + nextCounter[d]);
                    nextCounter[d] += count;
                }
                rounds.put(key(qos, warmup), messages);
            }
        }
        long total = rounds.values().stream().flatMap(Stream::of).mapToLong(m -> m.length).sum();
        int size = rounds.values().iterator().next()[0][0].length;
        System.out.printf("messages:  %d pre-built in %d ms (COSE_Mac0 over SenML CBOR, %d bytes each)%n", total,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), size);
        return rounds;
    }

    private static String key(int qos, boolean warmup) {
        return qos + (warmup ? "w" : "m");
    }

    private void runPactum(Path dataDir, Vertx clientRuntime) throws SQLException {
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dataDir.toString(),
                "pactum.http.host", "127.0.0.1",
                "pactum.http.port", "0",
                "pactum.mqtt.host", "127.0.0.1",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1"));
        System.out.println();
        System.out.println("== Pactum hub (in-process, embedded H2 at " + dataDir + ", secret hash iterations "
                + config.secretHashIterations() + ")");
        try (Hub hub = Hub.start(config)) {
            BenchFleet fleet = BenchFleet.create(hub.registry(), options.devices, "bench");
            Map<String, byte[][][]> rounds = buildMessages(fleet.devices);
            pactumMessages = rounds;
            try (StoredRecordCounter counter = new StoredRecordCounter(JdbcDatabase.h2FileUrl(dataDir),
                    options.pollMillis);
                    LoadClients clients = new LoadClients(clientRuntime, hub.mqttPort(), fleet.devices, true,
                            options.inflight)) {
                long connectStarted = System.nanoTime();
                clients.connect();
                System.out.printf("connected: %d devices in %d ms (authenticated with id and secret)%n",
                        options.devices, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStarted));
                for (int qos : options.qos) {
                    for (boolean warmup : new boolean[] {true, false}) {
                        results.add(pactumRound(hub, counter, clients, qos, warmup, rounds.get(key(qos, warmup))));
                    }
                }
            }
        }
    }

    private Result pactumRound(Hub hub, StoredRecordCounter counter, LoadClients clients, int qos, boolean warmup,
            byte[][][] messages) throws SQLException {
        clients.connect();
        long base = counter.countNow();
        long expected = count(messages);
        Completion stored = new Completion(expected);
        stored.set(0);
        counter.onCount(value -> stored.set(value - base));
        Instant signalsFrom = Instant.now();
        int disconnectsBefore = clients.unexpectedDisconnects.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds);

        LoadClients.PublishRound round = clients.publish(messages, MqttQoS.valueOf(qos), options.qos0Window,
                stored::count, deadline);
        Completion done = qos == 0 ? stored : round.acknowledged;
        done.await(deadline, () -> clients.unexpectedDisconnects.get() > disconnectsBefore);
        long end = done.reachedAt();
        counter.onCount(value -> { });

        // Settle, then count exactly: nothing lost, nothing stored twice, nothing rejected.
        Harness.sleep(300);
        long exact = counter.countNow() - base;
        long signals = hub.gateway().signals().recent().stream()
                .map(SecuritySignal::at).filter(t -> !t.isBefore(signalsFrom)).count();
        List<String> problems = new ArrayList<>();
        if (exact != expected) {
            problems.add("stored " + exact + " of " + expected + " records");
        }
        if (signals > 0) {
            problems.add(signals + " security signals (rejections) raised");
        }
        if (round.failures.get() > 0) {
            problems.add(round.failures.get() + " publishes failed in the client");
        }
        int disconnects = clients.unexpectedDisconnects.get() - disconnectsBefore;
        if (disconnects > 0) {
            problems.add(disconnects + " connections closed by the hub");
        }
        if (end == 0) {
            problems.add("did not complete within " + options.timeoutSeconds + " s");
        }
        Result result = new Result("Pactum", qos, warmup, expected, end == 0 ? 0 : end - round.startedAt,
                problems);
        System.out.println("  " + result.line());
        return result;
    }

    // ---------------------------------------------------------------- Mosquitto

    private void runMosquitto(Path work, Vertx clientRuntime) {
        System.out.println();
        System.out.println("== Mosquitto (" + options.mosquitto + ", persistence off, anonymous, one subscriber per"
                + " device topic)");
        // Fresh device identities are not needed: Mosquitto ignores the COSE content; the bytes are the same.
        List<BenchDevice> devices = new ArrayList<>();
        for (int i = 1; i <= options.devices; i++) {
            devices.add(new BenchDevice(String.format("bench-glucose-%04d", i), "", new byte[32], ""));
        }
        Map<String, byte[][][]> rounds = pactumMessages;
        try (MosquittoBroker broker = MosquittoBroker.start(options.mosquitto, work);
                Subscribers subscribers = Subscribers.perDeviceTopic(clientRuntime, broker.port(), devices);
                LoadClients clients = new LoadClients(clientRuntime, broker.port(), devices, false,
                        options.inflight)) {
            clients.connect();
            for (int qos : options.qos) {
                for (boolean warmup : new boolean[] {true, false}) {
                    results.add(mosquittoRound(subscribers, clients, qos, warmup, rounds.get(key(qos, warmup))));
                }
            }
        }
    }

    private Result mosquittoRound(Subscribers subscribers, LoadClients clients, int qos, boolean warmup,
            byte[][][] messages) {
        clients.connect();
        long expected = count(messages);
        Completion received = subscribers.expect(expected);
        int disconnectsBefore = clients.unexpectedDisconnects.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds);
        LoadClients.PublishRound round = clients.publish(messages, MqttQoS.valueOf(qos), options.qos0Window,
                received::count, deadline);
        received.await(deadline, () -> clients.unexpectedDisconnects.get() > disconnectsBefore);
        if (qos > 0) {
            round.acknowledged.await(deadline, () -> clients.unexpectedDisconnects.get() > disconnectsBefore);
        }
        long end = received.reachedAt() == 0 || (qos > 0 && round.acknowledged.reachedAt() == 0) ? 0
                : Math.max(received.reachedAt(), round.acknowledged.reachedAt());
        Harness.sleep(300);
        List<String> problems = new ArrayList<>();
        if (received.count() != expected) {
            problems.add("subscribers received " + received.count() + " of " + expected);
        }
        if (round.failures.get() > 0) {
            problems.add(round.failures.get() + " publishes failed in the client");
        }
        int disconnects = clients.unexpectedDisconnects.get() - disconnectsBefore;
        if (disconnects > 0) {
            problems.add(disconnects + " connections closed by the broker");
        }
        if (end == 0) {
            problems.add("did not complete within " + options.timeoutSeconds + " s");
        }
        Result result = new Result("Mosquitto", qos, warmup, expected, end == 0 ? 0 : end - round.startedAt,
                problems);
        System.out.println("  " + result.line());
        return result;
    }

    // ---------------------------------------------------------------- common

    private Map<String, byte[][][]> pactumMessages = Map.of();

    private boolean report(Machine machine) {
        System.out.println();
        System.out.println("Results (measured rounds; warm-up rounds above are not counted); load avg at end "
                + Machine.loadAverage());
        System.out.println("machine: " + machine);
        System.out.println();
        System.out.println("| QoS | messages | Pactum msg/s | Mosquitto msg/s | Pactum / Mosquitto |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        boolean ok = true;
        for (int qos : options.qos) {
            Result pactum = find("Pactum", qos);
            Result mosquitto = find("Mosquitto", qos);
            String ratio = pactum.rate() > 0 && mosquitto.rate() > 0
                    ? String.format("%.2f (Mosquitto %.1fx faster)", pactum.rate() / mosquitto.rate(),
                            mosquitto.rate() / pactum.rate())
                    : "n/a";
            System.out.printf("| %d | %d | %s | %s | %s |%n", qos, pactum.messages, pactum.rateText(),
                    mosquitto.rateText(), ratio);
        }
        for (Result r : results) {
            if (!r.problems.isEmpty()) {
                ok = false;
                System.out.println("PROBLEM in " + r.system + " QoS " + r.qos + (r.warmup ? " warm-up" : "") + ": "
                        + String.join("; ", r.problems));
            }
        }
        System.out.println(ok ? "All rounds complete: every message stored (Pactum) / received (Mosquitto) exactly once."
                : "Some rounds were incomplete; see above.");
        return ok;
    }

    private Result find(String system, int qos) {
        return results.stream().filter(r -> r.system.equals(system) && r.qos == qos && !r.warmup).findFirst()
                .orElseThrow();
    }

    private static long count(byte[][][] messages) {
        long total = 0;
        for (byte[][] m : messages) {
            total += m.length;
        }
        return total;
    }

    /** One round's outcome. */
    private record Result(String system, int qos, boolean warmup, long messages, long nanos, List<String> problems) {
        double rate() {
            return nanos == 0 || !problems.isEmpty() ? 0 : messages / (nanos / 1e9);
        }

        String rateText() {
            return rate() == 0 ? "incomplete" : String.format("%,.0f", rate());
        }

        String line() {
            return String.format("%-9s QoS %d %-8s %,7d messages in %8.3f s = %10s msg/s%s", system, qos,
                    warmup ? "warm-up" : "measured", messages, nanos / 1e9, rateText(),
                    problems.isEmpty() ? "" : "  [" + String.join("; ", problems) + "]");
        }
    }

    /** Command-line options, every one bounded. */
    private static final class Options extends LoadOptions {
        List<Integer> qos = List.of(0, 1);
        int qos0Window = 900;
        int pollMillis = 10;

        Options() {
            super(10, 5000);
        }

        @Override
        int readOwn(String[] args, int i) {
            String arg = args[i];
            switch (arg) {
                case "--qos0-window" -> qos0Window = Args.intValue(arg, args, ++i, 0, 1_000_000);
                case "--poll-millis" -> pollMillis = Args.intValue(arg, args, ++i, 1, 1000);
                case "--qos" -> {
                    List<Integer> levels = new ArrayList<>();
                    for (String level : Args.value(arg, args, ++i).split(",")) {
                        int q = Args.parseInt(arg, level.trim(), 0, 1);
                        if (!levels.contains(q)) {
                            levels.add(q);
                        }
                    }
                    qos = List.copyOf(levels);
                }
                default -> {
                    return -1;
                }
            }
            return i;
        }

        static Options parse(String[] args) {
            Options o = new Options();
            o.read(args);
            if (o.warmupMessages < 0) {
                o.warmupMessages = Math.max(1, Math.min(o.messages / 5, 1000));
            }
            return o;
        }
    }
}
