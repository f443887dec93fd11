package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's mosquitto clients as real processes. In CI (environment variable CI set) missing
 * binaries fail these tests; elsewhere they are skipped.
 */
class MosquittoClientsIT {
    @TempDir
    Path dataDir;
    final RecordingIngest ingest = new RecordingIngest();
    TestHub hub;
    ProvisionedDevice device;

    @BeforeEach
    void start() throws Exception {
        requireBinary("mosquitto_pub");
        requireBinary("mosquitto_sub");
        hub = TestHub.start(dataDir, ingest);
        device = hub.device("meter-1");
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"311", "5"})
    void mosquittoPub_withDeviceCredentials_isIngested(String version) throws Exception {
        Result pub = run("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(hub.port()), "-V", version,
                "-i", "meter-1", "-u", "meter-1", "-P", device.secret(), "-q", "1",
                "-t", "devices/meter-1/telemetry", "-m", "{\"glucose\":5.4}");
        assertThat(pub.exitCode()).as(pub.output()).isZero();
        assertThat(ingest.texts()).containsExactly("{\"glucose\":5.4}");
    }

    @Test
    void mosquittoPub_withWrongPassword_failsWithBadCredentials() throws Exception {
        Result pub = run("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(hub.port()), "-V", "5",
                "-i", "meter-1", "-u", "meter-1", "-P", "wrong-password-for-sure", "-q", "1",
                "-t", "devices/meter-1/telemetry", "-m", "{\"glucose\":5.4}");
        assertThat(pub.exitCode()).isNotZero();
        assertThat(pub.output()).containsIgnoringCase("bad user name or password");
        assertThat(ingest.calls()).isEmpty();
    }

    @Test
    void mosquittoSub_onAnotherDevicesTopic_isRefusedAndSignalled() throws Exception {
        hub.device("meter-2");
        Result sub = run("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(hub.port()), "-V", "5",
                "-i", "meter-1", "-u", "meter-1", "-P", device.secret(), "-t", "devices/meter-2/commands",
                "-W", "3");
        // mosquitto_sub reports the refused filter and gives up (its exit code is 0 either way).
        assertThat(sub.output()).containsIgnoringCase("All subscription requests were denied");
        assertThat(hub.signals(SignalType.FORBIDDEN_SUBSCRIPTION, "meter-1")).hasSize(1);
    }

    record Result(int exitCode, String output) {}

    static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    static void requireBinary(String name) {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, name));
        }
        boolean present = candidates.stream().anyMatch(Files::isExecutable);
        if (System.getenv("CI") != null) {
            assertThat(present).as(name + " must be installed in CI (apt-get install mosquitto-clients)").isTrue();
        } else {
            assumeThat(present).as(name + " not installed; skipping").isTrue();
        }
    }
}
