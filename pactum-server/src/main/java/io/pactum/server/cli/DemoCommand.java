package io.pactum.server.cli;

import io.pactum.core.ledger.LedgerVerification;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.checkpoint.NoteVerifierKey;
import io.pactum.server.Hub;
import io.pactum.server.config.ConfigKeys;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import io.pactum.server.demo.DemoDirectory;
import io.pactum.server.demo.DemoEcosystem;
import io.pactum.server.demo.DemoLogging;
import io.pactum.server.demo.DemoRun;
import io.pactum.server.demo.DemoSettings;
import io.pactum.server.demo.DemoSnapshot;
import io.pactum.server.demo.DemoVerdict;
import io.pactum.server.demo.Durations;
import io.pactum.server.demo.TerminalDisplay;
import io.pactum.server.simulate.LoopbackTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pactum demo}: a fresh hub on its embedded defaults and a simulated ecosystem in one process,
 * on loopback only; a live summary while it runs; at the end the audit checkpoint, checked, and the
 * command to check it again. Exit 0 when the run showed what it should (see {@link DemoVerdict}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a hub with a simulated ecosystem on this machine and watch it work: three suppliers'"
                + " devices in three formats, a clinic and an analytics company receiving different protected views,"
                + " a patient withdrawing consent, an attack detected and contained, and the audit ledger that proves it.",
                "Everything stays on loopback (127.0.0.1). Each run replaces the previous demo's data directory."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "2m",
            description = "How long the demo runs: e.g. 90s, 2m, 1h (20 s to 2 h; default ${DEFAULT-VALUE}).")
    String duration = "2m";

    @Option(names = "--devices", paramLabel = "N", defaultValue = "5",
            description = "Devices per supplier's product, 2 to 200 (default ${DEFAULT-VALUE}); one more toy is attacked.")
    int devices = 5;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "1",
            description = "Messages each device sends per second, 0.05 to 10 (default ${DEFAULT-VALUE}).")
    double rate = 1;

    @Option(names = "--no-attack", description = "Leave the attack out.")
    boolean noAttack;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "demo-data",
            description = "The demo hub's data directory (default ${DEFAULT-VALUE}); replaced on each run.")
    Path dataDir = Path.of("demo-data");

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8480",
            description = "Port of the REST API on 127.0.0.1 (default ${DEFAULT-VALUE}); 0 picks a free one.")
    int httpPort = 8480;

    @Option(names = "--mqtt-port", paramLabel = "PORT", defaultValue = "1883",
            description = "Port of MQTT on 127.0.0.1 (default ${DEFAULT-VALUE}); 0 picks a free one.")
    int mqttPort = 1883;

    @Spec
    CommandSpec spec;

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile @Nullable DemoRun running;
    private volatile int exitCode = 1;

    @Override
    public Integer call() {
        DemoSettings settings = settings();
        PactumConfig config = config(); // checks the ports before anything on disk is touched
        PrintWriter out = spec.commandLine().getOut();
        Thread hook = new Thread(this::stopOnSignal, "pactum-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (DemoDirectory directory = holdDataDir()) {
            Path log = dataDir.resolve("hub.log");
            DemoLogging.toFile(log);
            exitCode = runDemo(out, settings, config, directory.replaced(), log);
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            // printed here: after a Ctrl-C the JVM ends as soon as this call is done, before picocli could
            PrintWriter err = spec.commandLine().getErr();
            err.println("pactum: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            err.flush();
            exitCode = 1;
        } finally {
            out.flush();
            finished.countDown();
            removeHook(hook);
        }
        return exitCode;
    }

    private int runDemo(PrintWriter out, DemoSettings settings, PactumConfig config, boolean replaced, Path log) {
        out.println("Pactum demo: a hub and a simulated ecosystem on this machine (loopback only) for "
                + Durations.format(settings.duration()) + ". Ctrl-C ends it early.");
        out.println("  Data       " + config.dataDir().toAbsolutePath().normalize()
                + (replaced ? " (the previous demo's data was replaced)" : "") + "; hub log: " + log);
        out.flush();
        DemoSnapshot last = null;
        StoredCheckpoint checkpoint;
        NoteVerifierKey key;
        try (Hub hub = Hub.start(config)) {
            String operatorToken = hub.firstAdminToken().orElseThrow(() -> new IllegalStateException(
                    "the demo's hub has an operator already; its data directory was not fresh")).token();
            if (!stopping) {
                out.println("Setting up " + (3 * settings.devicesPerProduct() + 1) + " devices; each secret is hashed"
                        + " with the hub's real work factor, so this takes a moment...");
                out.flush();
                try {
                    DemoEcosystem ecosystem = DemoEcosystem.create(LoopbackTarget.local(hub.mqttPort(),
                            hub.httpPort()), operatorToken, settings.devicesPerProduct(), () -> stopping);
                    if (!stopping) {
                        last = play(out, hub, ecosystem, operatorToken, settings);
                    }
                } catch (CancellationException stoppedDuringSetup) {
                    // Ctrl-C: what was set up stays in the ledger, which is signed and checked below
                }
            }
            checkpoint = hub.checkpoints().checkpoint();
            key = hub.checkpoints().verifierKey();
        }
        Path kept = dataDir.resolve("end-checkpoint.txt");
        write(kept, checkpoint.note());
        LedgerVerification verified = LedgerCheck.verify(config, key, List.of(checkpoint.note()));
        DemoOutro.ledger(out, checkpoint, kept, dataDir, verified, key);
        if (last == null) {
            out.println("Stopped during the setup: the ecosystem did not play.");
            return 1;
        }
        DemoVerdict verdict = DemoVerdict.of(last, settings, verified.ok());
        verdict.lines().forEach(out::println);
        return verdict.shown() ? 0 : 1;
    }

    private DemoSnapshot play(PrintWriter out, Hub hub, DemoEcosystem ecosystem, String operatorToken,
            DemoSettings settings) {
        DemoIntro.print(out, hub, ecosystem, operatorToken);
        TerminalDisplay display = TerminalDisplay.onStandardOutput(out);
        DemoRun run = new DemoRun(hub, ecosystem, settings, display);
        running = run;
        if (stopping) {
            run.stop(); // the signal came between the check and now
        }
        DemoSnapshot last = run.run();
        display.finish(last);
        out.println();
        DemoOutro.samples(out, run.samples());
        return last;
    }

    private DemoSettings settings() {
        return asUsageError(() -> new DemoSettings(Durations.parse(duration), devices, rate, !noAttack));
    }

    private DemoDirectory holdDataDir() {
        return asUsageError(() -> DemoDirectory.hold(dataDir));
    }

    /** A bad option is the user's to fix: picocli prints it with the usage and exits 2. */
    private <T> T asUsageError(Supplier<T> fromOptions) {
        try {
            return fromOptions.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The embedded defaults, pinned to loopback, apart from any hub's configuration or environment. */
    private PactumConfig config() {
        requirePort("--http-port", httpPort);
        requirePort("--mqtt-port", mqttPort);
        return ConfigLoader.load(null, Map.of(), Map.of(
                ConfigKeys.DATA_DIR.name(), dataDir.toString(),
                ConfigKeys.HTTP_HOST.name(), "127.0.0.1",
                ConfigKeys.HTTP_PORT.name(), Integer.toString(httpPort),
                ConfigKeys.MQTT_HOST.name(), "127.0.0.1",
                ConfigKeys.MQTT_PORT.name(), Integer.toString(mqttPort),
                ConfigKeys.MQTT_TLS_PORT.name(), "-1"));
    }

    /**
     * Ctrl-C or SIGTERM: the run stops, and the hook waits for the demo to sign, check and print its
     * end (however long verifying a large ledger takes: a second Ctrl-C cannot cut it short anyway),
     * then ends the JVM with the verdict's exit code.
     */
    private void stopOnSignal() {
        stopping = true;
        DemoRun run = running;
        if (run != null) {
            run.stop();
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(exitCode);
    }

    private void requirePort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), option + " must be a port from 0 to 65535 (0 picks a free"
                    + " one), not " + port);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and waits for us; nothing to remove
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
