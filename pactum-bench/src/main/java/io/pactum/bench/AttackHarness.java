package io.pactum.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.pactum.core.incident.Incident;
import io.pactum.sdk.DeviceMessages;
import io.pactum.server.Hub;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import io.pactum.server.simulate.Attack;
import io.pactum.server.simulate.AttackCatalogue;
import io.pactum.server.simulate.AttackResult;
import io.pactum.server.simulate.BenignFleet;
import io.pactum.server.simulate.ContainmentWatch;
import io.pactum.server.simulate.FleetSettings;
import io.pactum.server.simulate.FleetStats;
import io.pactum.server.simulate.LoopbackTarget;
import io.pactum.server.simulate.RunningAttack;
import io.pactum.server.simulate.Scenario;
import io.pactum.server.simulate.SimDevice;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Time-to-containment per scripted attack (issue #6), and the benign fleet's false positives.
 * Each attack runs {@code --rounds} times, each time against a fresh in-process hub on loopback
 * (so no quarantine or block is left over); the time is from the attack's start (its first hostile
 * message, after any preparation) to the incident's containment as the hub recorded it. Then a
 * benign fleet runs against a fresh hub and the incidents it raised are counted (expected: 0).
 *
 * <pre>
 * java -cp pactum-bench/target/pactum-bench.jar io.pactum.bench.AttackHarness
 *     [--rounds N] [--fleet-devices N] [--fleet-minutes N]
 * </pre>
 * Secrets are hashed with 10,000 PBKDF2 iterations instead of the production default, so that
 * provisioning and first logins of a thousand devices take seconds; detection does not depend on it.
 */
public final class AttackHarness {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private AttackHarness() {}

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        int fleetDevices = 1_000;
        int fleetMinutes = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Args.intValue(args[i], args, ++i, 1, 20);
                case "--fleet-devices" -> fleetDevices = Args.intValue(args[i], args, ++i, 1, 20_000);
                case "--fleet-minutes" -> fleetMinutes = Args.intValue(args[i], args, ++i, 0, 120);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --rounds N, --fleet-devices N, --fleet-minutes N (0: no fleet)");
            }
        }
        Harness.quietHubLogs();
        // every attack raises dozens of security warnings, and has CONNECTs refused, by design:
        // logged, they would bury the results
        ((Logger) LoggerFactory.getLogger("pactum.security")).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("io.vertx.mqtt")).setLevel(Level.OFF);
        System.out.println("machine:   " + Machine.describe());
        System.out.println("load avg:  " + Machine.loadAverage() + " (1, 5, 15 min) at start");
        System.out.println("started:   " + Harness.utcNow());
        Path work = Files.createTempDirectory("pactum-attacks-");
        Vertx clients = Harness.clientRuntime();
        try {
            timeToContainment(work, clients, rounds);
            if (fleetMinutes > 0) {
                benignFleet(work, clients, fleetDevices, fleetMinutes);
            }
        } finally {
            clients.close().toCompletionStage().toCompletableFuture().join();
            Harness.deleteTree(work);
        }
        System.out.println("load avg:  " + Machine.loadAverage() + " (1, 5, 15 min) at the end");
    }

    private static void timeToContainment(Path work, Vertx clients, int rounds) {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, String> lastResult = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int a = 0; a < AttackCatalogue.SIZE; a++) {
                int index = a;
                Path dataDir = work.resolve("round-" + round + "-attack-" + a);
                try (Hub hub = Hub.start(config(dataDir))) {
                    LoopbackTarget target = LoopbackTarget.local(hub.mqttPort(), hub.httpPort());
                    Scenario scenario = Scenario.create(target, adminToken(hub), "bench");
                    List<SimDevice> devices = scenario.provision("attacker", AttackCatalogue.DEVICES_NEEDED);
                    Attack attack = AttackCatalogue.all(target, scenario, devices, DeviceMessages::mac0).get(index);
                    Optional<Double> measured = run(hub, clients, attack, lastResult);
                    seconds.computeIfAbsent(attack.name() + "|" + attack.detector(), k -> new ArrayList<>())
                            .add(measured.orElse(Double.NaN));
                    System.out.printf("  round %d %-20s %s%n", round, attack.name(),
                            measured.map(s -> String.format("%.3f s", s)).orElse("NOT CONTAINED"));
                }
            }
        }
        System.out.println();
        System.out.println("Time from the attack's start to containment (s), " + rounds + " rounds, fresh hub each:");
        System.out.println("| attack | detector | first round | median | min | max | last run |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        seconds.forEach((key, values) -> {
            String[] names = key.split("\\|");
            List<Double> sorted = values.stream().sorted().toList();
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", names[0], names[1], format(values.get(0)),
                    format(sorted.get(sorted.size() / 2)), format(sorted.get(0)), format(sorted.get(sorted.size() - 1)),
                    lastResult.get(names[0]));
        });
        System.out.println("(n/c: not contained within " + PATIENCE.toSeconds() + " s)");
    }

    private static Optional<Double> run(Hub hub, Vertx clients, Attack attack, Map<String, String> lastResult) {
        ContainmentWatch watch = new ContainmentWatch(hub);
        Instant before = Instant.now();
        RunningAttack running = attack.start(clients);
        Optional<Incident> contained = watch.awaitContained(attack.detector(), attack.subject(), before, PATIENCE);
        Instant started = running.awaitStart(PATIENCE);
        AttackResult result = running.awaitResult(Duration.ofSeconds(60));
        lastResult.put(attack.name(), result.sent() + " sent, " + result.accepted() + " accepted, "
                + result.refused() + " refused");
        return contained.map(incident -> ContainmentWatch.secondsToContainment(started, incident));
    }

    private static void benignFleet(Path work, Vertx clients, int devices, int minutes) {
        System.out.println();
        System.out.printf("Benign fleet: %,d devices for %d min (a message every 1-2 s, noisy values, reconnects)%n",
                devices, minutes);
        try (Hub hub = Hub.start(config(work.resolve("fleet")))) {
            LoopbackTarget target = LoopbackTarget.local(hub.mqttPort(), hub.httpPort());
            Scenario scenario = Scenario.create(target, adminToken(hub), "fleet");
            long t0 = System.nanoTime();
            List<SimDevice> fleetDevices = scenario.provision("device", devices);
            System.out.printf("  provisioned in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            ContainmentWatch watch = new ContainmentWatch(hub);
            Duration run = Duration.ofMinutes(minutes);
            FleetStats stats;
            try (BenignFleet fleet = new BenignFleet(clients, target, fleetDevices, FleetSettings.DEFAULTS)) {
                fleet.start(run);
                for (int minute = 1; minute <= minutes; minute++) {
                    Harness.sleep(60_000);
                    System.out.printf("  after %d min: %s; connected %d; incidents %d; load %s%n", minute,
                            fleet.stats(), fleet.connected(), watch.incidents().size(), Machine.loadAverage());
                }
                stats = fleet.stats();
            }
            List<Incident> incidents = watch.incidents();
            System.out.printf("benign fleet: %s%n", stats);
            System.out.printf("incidents raised: %d (expected 0)%s%n", incidents.size(), incidents.isEmpty() ? ""
                    : ": " + incidents.stream().map(describe()).toList());
        }
    }

    private static Function<Incident, String> describe() {
        return i -> i.detector() + " on " + i.subject();
    }

    private static PactumConfig config(Path dataDir) {
        return ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dataDir.toString(),
                "pactum.http.host", "127.0.0.1",
                "pactum.http.port", "0",
                "pactum.mqtt.host", "127.0.0.1",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000"));
    }

    private static String adminToken(Hub hub) {
        return hub.firstAdminToken().orElseThrow(() -> new IllegalStateException("a fresh hub has an admin token"))
                .token();
    }

    private static String format(double seconds) {
        return Double.isNaN(seconds) ? "n/c" : String.format("%.3f", seconds);
    }
}
