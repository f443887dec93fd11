package io.pactum.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code pactum} jar run as a real process, as a user runs it: its banner is read
 * from stdout to learn the port and the one-time token.
 */
final class HubProcess implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile(
            "\\s*http-port=(\\d+) mqtt-port=(-?\\d+) mqtt-tls-port=(-?\\d+)");
    private static final Pattern FINGERPRINT = Pattern.compile("\\s*SHA-256\\s+([0-9A-F:]{95})");
    private static final Pattern TOKEN = Pattern.compile("\\s*(pct_\\S+)");
    private static final long START_TIMEOUT_MS = 60_000;

    private final Process process;
    private final List<String> stdout;
    private final int port;
    private final int mqttPort;
    private final int mqttTlsPort;
    private final Optional<String> certificateFingerprint;
    private final Optional<String> token;

    private HubProcess(Process process, List<String> stdout, int port, int mqttPort, int mqttTlsPort,
            Optional<String> certificateFingerprint, Optional<String> token) {
        this.process = process;
        this.stdout = stdout;
        this.port = port;
        this.mqttPort = mqttPort;
        this.mqttTlsPort = mqttTlsPort;
        this.certificateFingerprint = certificateFingerprint;
        this.token = token;
    }

    static Path jar() {
        Path jar = Path.of("target", "pactum.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("run the integration tests with 'mvn verify': " + jar + " is built by package");
        }
        return jar;
    }

    static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Runs one CLI command to its end with {@code environment} added, and returns what it printed. */
    static CommandResult run(java.util.Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = command(args);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // stderr is small; read it after stdout so neither pipe fills while the other is read
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pactum " + String.join(" ", args) + " did not end within 60 s");
        }
        return new CommandResult(process.exitValue(), out, err);
    }

    static CommandResult run(String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), args);
    }

    /** Starts {@code pactum serve} on free ports with the given data directory and waits for its banner. */
    static HubProcess serve(Path dataDir, Path stderrFile) throws IOException {
        Process process = command("serve", "--data-dir", dataDir.toString(), "--http-port", "0", "--mqtt-port", "0",
                "--mqtt-tls-port", "0")
                .redirectError(stderrFile.toFile())
                .start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        Integer port = null;
        int mqttPort = 0;
        int mqttTlsPort = 0;
        String fingerprint = null;
        String token = null;
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
            Matcher portMatch = PORT.matcher(line);
            if (portMatch.matches()) {
                port = Integer.parseInt(portMatch.group(1));
                mqttPort = Integer.parseInt(portMatch.group(2));
                mqttTlsPort = Integer.parseInt(portMatch.group(3));
            }
            Matcher fingerprintMatch = FINGERPRINT.matcher(line);
            if (fingerprintMatch.matches()) {
                fingerprint = fingerprintMatch.group(1);
            }
            Matcher tokenMatch = TOKEN.matcher(line);
            if (tokenMatch.matches()) {
                token = tokenMatch.group(1);
            }
            if (line.startsWith("Press Ctrl-C") || System.currentTimeMillis() > deadline) {
                break;
            }
        }
        if (port == null) {
            process.destroyForcibly();
            throw new IllegalStateException("hub did not start; stdout: " + lines + "; stderr: "
                    + Files.readString(stderrFile));
        }
        return new HubProcess(process, lines, port, mqttPort, mqttTlsPort, Optional.ofNullable(fingerprint),
                Optional.ofNullable(token));
    }

    int port() {
        return port;
    }

    int mqttPort() {
        return mqttPort;
    }

    int mqttTlsPort() {
        return mqttTlsPort;
    }

    /** The MQTT TLS certificate's SHA-256 fingerprint as the banner shows it. */
    Optional<String> certificateFingerprint() {
        return certificateFingerprint;
    }

    Optional<String> token() {
        return token;
    }

    List<String> stdout() {
        return stdout;
    }

    /** Ends the process like {@code kill -9}: no shutdown hook, no chance to flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Ends the process like Ctrl-C / SIGTERM and returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("hub did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
