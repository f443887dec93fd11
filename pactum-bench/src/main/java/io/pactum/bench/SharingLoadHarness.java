package io.pactum.bench;

import io.pactum.bench.Subscribers.Subscription;
import io.pactum.server.Hub;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end sharing load harness (issue #4, "device → two recipients"): in one run on loopback,
 * the same devices publish the same pre-built JSON readings at QoS 1
 * <ol>
 *   <li>to a Pactum hub started in-process, which stores each record and releases it under two
 *       agreements (decision, privacy transform, two outbox entries in the record's transaction), and
 *       delivers to two partners' MQTT sessions (persistent, QoS 1, their API tokens); and</li>
 *   <li>through Debian's Mosquitto broker to two subscribers on {@code devices/+/telemetry} (QoS 1):
 *       the same fan-out to two recipients without verification, decisions, transforms or
 *       durability.</li>
 * </ol>
 * Each round is timed from the first publish until both recipients received every message
 * (de-duplicated by event id), with the latency of every message from its publish to its receipt.
 * An uncounted warm-up round first, then the measured runs; every round bounded in messages and time.
 * See {@code docs/benchmarks.md} for the command and the results.
 */
public final class SharingLoadHarness {
    private static final String USAGE = """
            usage: java -cp pactum-bench.jar io.pactum.bench.SharingLoadHarness [options]
              --devices N          devices = publishing MQTT connections (default 20)
              --messages M         device messages per measured run, all devices together (default 20000)
              --warmup-messages W  messages in the uncounted warm-up run (default min(M/5, 5000))
              --runs R             measured runs per system (default 3)
              --inflight K         unacknowledged QoS 1 PUBLISHes per device connection (default 100)
              --timeout S          longest a run may take, in seconds (default 180)
              --mosquitto PATH     the Mosquitto broker binary (default /usr/sbin/mosquitto)
              --verbose            keep the hub's INFO logs
            """;
    private static final String PACTUM = "Pactum";
    private static final String MOSQUITTO = "Mosquitto";

    private final Options options;
    private final List<FanOutResult> results = new ArrayList<>();

    private SharingLoadHarness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = LoadOptions.prepare(args, Options::parse, USAGE).orElse(null);
        if (options == null) {
            return;
        }
        boolean ok = new SharingLoadHarness(options).run(args);
        System.exit(ok ? 0 : 1);
    }

    private boolean run(String[] args) throws Exception {
        Machine machine = Machine.describe();
        System.out.println("Pactum sharing load harness (device -> two recipients), " + Harness.utcNow());
        System.out.println("machine:   " + machine);
        System.out.println("load avg:  " + Machine.loadAverage() + " (1, 5, 15 min) at start");
        System.out.println("command:   java " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
                + " -cp " + System.getProperty("java.class.path") + " " + SharingLoadHarness.class.getName() + " "
                + String.join(" ", args));
        System.out.println("broker:    " + MosquittoBroker.version(options.mosquitto));
        System.out.printf("load:      %d devices, %d messages per run (warm-up %d), %d measured runs per system,"
                + " QoS 1, in-flight %d per device, 2 recipients%n", options.devices, options.messages,
                options.warmupMessages, options.runs, options.inflight);

        List<JsonTelemetry.Round> rounds = new ArrayList<>();
        long seq = 1;
        for (int r = 0; r <= options.runs; r++) {
            JsonTelemetry.Round round = JsonTelemetry.build(options.devices,
                    r == 0 ? options.warmupMessages : options.messages, seq);
            rounds.add(round);
            seq = round.lastSeq() + 1;
        }
        Path work = Files.createTempDirectory("pactum-bench-sharing-");
        Vertx clientRuntime = Harness.clientRuntime();
        try {
            runPactum(work.resolve("hub"), clientRuntime, rounds);
            runMosquitto(work, clientRuntime, rounds);
        } finally {
            LoadClients.await(clientRuntime.close(), "stop the client runtime");
            Harness.deleteTree(work);
        }
        System.out.println();
        System.out.println("Results (measured runs; the warm-up is not counted); load avg at end "
                + Machine.loadAverage());
        System.out.println("machine: " + machine);
        System.out.println();
        boolean ok = new FanOutReport(results).print(PACTUM, MOSQUITTO);
        System.out.println(ok ? "All runs complete: every message delivered to both recipients, nothing released twice"
                + " (and, in Pactum, stored once with one outbox entry per recipient)." : "Some runs were incomplete;"
                + " see above.");
        return ok;
    }

    private void runPactum(Path dataDir, Vertx clientRuntime, List<JsonTelemetry.Round> rounds) throws SQLException {
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dataDir.toString(),
                "pactum.http.host", "127.0.0.1",
                "pactum.http.port", "0",
                "pactum.mqtt.host", "127.0.0.1",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000"));
        System.out.println();
        System.out.println("== Pactum hub (in-process, embedded H2 at " + dataDir + "); JSON product, two partners"
                + " over MQTT (persistent sessions, QoS 1)");
        try (Hub hub = Hub.start(config)) {
            SharingEcosystem ecosystem = SharingEcosystem.create(hub, options.devices);
            RecipientInbox inbox = new RecipientInbox(RecipientInbox.PARTNER_EVENT);
            try (StoredRecordCounter counter = new StoredRecordCounter(JdbcDatabase.h2FileUrl(dataDir), 1000);
                    Subscribers partners = new Subscribers(clientRuntime, hub.mqttPort(), ecosystem.subscriptions(),
                            inbox);
                    LoadClients devices = new LoadClients(clientRuntime, hub.mqttPort(), ecosystem.fleet.devices, true,
                            options.inflight)) {
                FanOutRunner runner = new FanOutRunner(PACTUM, devices, partners, inbox, ecosystem.recipients.size(),
                        options.timeoutSeconds, new HubRoundCheck(hub, counter, ecosystem.recipients.size()));
                runRounds(runner, rounds);
            }
        }
    }

    private void runMosquitto(Path work, Vertx clientRuntime, List<JsonTelemetry.Round> rounds) {
        System.out.println();
        System.out.println("== Mosquitto (" + options.mosquitto + ", persistence off, anonymous); two subscribers on"
                + " devices/+/telemetry (QoS 1)");
        List<BenchFleet.BenchDevice> devices = new ArrayList<>();
        for (int i = 1; i <= options.devices; i++) {
            devices.add(new BenchFleet.BenchDevice(String.format("share-glucose-%04d", i), "", new byte[0], ""));
        }
        RecipientInbox inbox = new RecipientInbox(RecipientInbox.DEVICE_PAYLOAD);
        try (MosquittoBroker broker = MosquittoBroker.start(options.mosquitto, work);
                Subscribers recipients = new Subscribers(clientRuntime, broker.port(), List.of(
                        Subscription.anonymous("recipient-1", "devices/+/telemetry"),
                        Subscription.anonymous("recipient-2", "devices/+/telemetry")), inbox);
                LoadClients clients = new LoadClients(clientRuntime, broker.port(), devices, false, options.inflight)) {
            runRounds(new FanOutRunner(MOSQUITTO, clients, recipients, inbox, 2, options.timeoutSeconds,
                    FanOutRunner.Check.NONE), rounds);
        }
    }

    private void runRounds(FanOutRunner runner, List<JsonTelemetry.Round> rounds) {
        for (int r = 0; r < rounds.size(); r++) {
            results.add(runner.run(r == 0 ? "warm-up" : "run " + r, r == 0, rounds.get(r)));
        }
    }

    /** Command-line options, every one bounded. */
    private static final class Options extends LoadOptions {
        int runs = 3;

        Options() {
            super(20, 20_000);
        }

        @Override
        int readOwn(String[] args, int i) {
            if (!args[i].equals("--runs")) {
                return -1;
            }
            runs = Args.intValue(args[i], args, i + 1, 1, 20);
            return i + 1;
        }

        static Options parse(String[] args) {
            Options o = new Options();
            o.read(args);
            if (o.messages < o.devices) {
                throw new IllegalArgumentException("--messages must be at least --devices (" + o.devices + ")");
            }
            if (o.warmupMessages < 0) {
                o.warmupMessages = Math.max(o.devices, Math.min(o.messages / 5, 5000));
            }
            return o;
        }
    }
}
