package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, {@code pactum demo} on the packaged jar as a user runs it, on free loopback ports: a short
 * run ends with each partner's differently protected record, the signed checkpoint (kept in the data
 * directory), its in-process check and every claim held, and the printed {@code audit verify} command
 * passes when run; SIGTERM ends a long run early and still prints the proof; bad options start nothing.
 */
class DemoCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFY = "  ./pactum audit verify";

    @TempDir
    Path dir;

    private Process stopped;

    @Test
    void shortRun_endsWithEachPartnersRecord_theSignedCheckpoint_andEveryClaimHeld() throws Exception {
        Path data = dir.resolve("demo");

        CommandResult run = HubProcess.run("demo", "--duration", "25s", "--devices", "2", "--http-port", "0",
                "--mqtt-port", "0", "--data-dir", data.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString())
                .contains("Pactum demo: a hub and a simulated ecosystem", "Set up through the REST API",
                        "Suppliers  ", "Partners   ", "devices are connecting and sending",
                        "The demo showed what it claims:", "[ok]     the audit ledger verifies",
                        "Checkpoint signed at the end", "OK: ")
                .doesNotContain("[FAILED]");
        List<String> lines = run.out().lines().toList();

        JsonNode clinic = recordUnder(lines, "Riverside Diabetes Clinic");
        assertThat(fieldNames(clinic)).as("the clinic gets glucose as measured").contains("glucose");
        JsonNode analytics = recordUnder(lines, "Northwind Analytics");
        assertThat(fieldNames(analytics)).as("no identifiers, no microphone events")
                .isNotEmpty().doesNotContain("wifi_ssid", "microphone_event");
        assertThat(analytics.get("time").asText()).as("times to the hour").endsWith(":00:00Z");

        Path kept = data.resolve("end-checkpoint.txt");
        assertThat(kept).isRegularFile();
        assertThat(Files.readAllLines(kept, StandardCharsets.UTF_8).get(0)).isEqualTo("pactum.local/ledger");

        String command = lines.stream().filter(line -> line.startsWith(VERIFY)).findFirst().orElseThrow();
        String[] args = Arrays.stream(command.strip().split("\\s+")).skip(1).toArray(String[]::new);
        assertThat(args).contains("--data-dir", "--key", "--checkpoint", kept.toString());
        CommandResult verified = HubProcess.run(args);
        assertThat(verified.exit()).as(verified.toString()).isZero();
        assertThat(verified.out()).startsWith("OK:");
    }

    @Test
    void sigterm_endsALongRunEarly_andStillPrintsTheProof() throws Exception {
        String out = stopWithSigterm("devices are connecting", Duration.ofSeconds(5), "--devices", "2");

        assertThat(out).contains("Checkpoint signed at the end", "OK: ", VERIFY, "Stopped early at ");
        assertThat(stopped.exitValue()).as("the verdict's exit code, also after a signal").isZero();
    }

    @Test
    void sigterm_duringTheSetup_skipsThePlay_andStillSignsAndChecksTheLedger() throws Exception {
        String out = stopWithSigterm("Setting up", Duration.ZERO, "--devices", "20");

        assertThat(out).contains("Checkpoint signed at the end", "OK: ", "Stopped during the setup")
                .doesNotContain("export PACTUM_TOKEN", "devices are connecting");
        assertThat(stopped.exitValue()).isEqualTo(1);
    }

    /**
     * Starts a ten-minute demo, sends SIGTERM (the JVM's Ctrl-C path) {@code after} the line {@code seen}
     * appeared, and returns what it printed; the ended process is left in {@link #stopped}. Its stdout
     * goes to a file: Process.destroy() closes the pipes, so a pipe would lose what follows the signal.
     */
    private String stopWithSigterm(String seen, Duration after, String... options) throws Exception {
        Path stdout = dir.resolve("stdout.log");
        Path stderr = dir.resolve("stderr.log");
        List<String> args = new ArrayList<>(List.of("demo", "--duration", "10m", "--http-port", "0", "--mqtt-port",
                "0", "--data-dir", dir.resolve("demo").toString()));
        args.addAll(List.of(options));
        Process process = HubProcess.command(args.toArray(String[]::new))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        stopped = process;
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || Files.readString(stdout).contains(seen));
            assertThat(process.isAlive()).as("the demo is running; stdout:%n%s", Files.readString(stdout)).isTrue();
            Thread.sleep(after.toMillis());

            process.destroy();

            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return Files.readString(stdout) + "--- stderr\n" + Files.readString(stderr);
    }

    @Test
    void badOptions_areRefusedWithAClearMessage_andStartNothing() throws Exception {
        Path data = dir.resolve("demo");

        CommandResult tooShort = HubProcess.run("demo", "--duration", "5s", "--http-port", "0", "--mqtt-port", "0",
                "--data-dir", data.toString());
        assertThat(tooShort.exit()).as(tooShort.toString()).isEqualTo(2);
        assertThat(tooShort.err()).contains("--duration");
        assertThat(tooShort.out()).isEmpty();

        CommandResult noRate = HubProcess.run("demo", "--rate", "0", "--http-port", "0", "--mqtt-port", "0",
                "--data-dir", data.toString());
        assertThat(noRate.exit()).as(noRate.toString()).isEqualTo(2);
        assertThat(noRate.err()).contains("--rate");
        assertThat(noRate.out()).isEmpty();
        assertThat(data).doesNotExist();

        Path occupied = dir.resolve("occupied");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("keep.txt"), "mine");
        CommandResult refused = HubProcess.run("demo", "--duration", "25s", "--devices", "2", "--http-port", "0",
                "--mqtt-port", "0", "--data-dir", occupied.toString());
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("exists and was not made by 'pactum demo'");
        assertThat(files(occupied)).containsExactly("keep.txt");
        assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("mine");
    }

    /** The JSON record printed on the line below {@code "  <partner>:"}. */
    private static JsonNode recordUnder(List<String> lines, String partner) throws IOException {
        int at = lines.indexOf("  " + partner + ":");
        assertThat(at).as("a sample record for " + partner).isNotNegative().isLessThan(lines.size() - 1);
        return JSON.readTree(lines.get(at + 1).strip());
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.get("fields").forEach(field -> names.add(field.get("name").asText()));
        return names;
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.map(p -> p.getFileName().toString()).toList();
        }
    }
}
