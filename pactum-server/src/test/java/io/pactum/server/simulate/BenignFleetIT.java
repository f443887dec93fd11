package io.pactum.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6, must show 2: no false positives. A benign fleet of 1,000 simulated devices (a message
 * every 1–2 s with noisy values, now and then a reconnect) runs for three minutes against the real
 * hub and raises no incident. Three minutes keep the suite's time in bounds; the bench harness
 * ({@code AttackHarness --fleet-minutes}) runs it longer.
 */
class BenignFleetIT {
    private static final int DEVICES = 1_000;
    private static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private SimulatedHub sim;

    @BeforeEach
    void start() {
        sim = SimulatedHub.start(dir);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void thousandDevicesForThreeMinutes_raiseNoIncident() {
        List<SimDevice> devices = sim.scenario.provision("fleet", DEVICES);
        FleetStats stats;
        try (BenignFleet fleet = new BenignFleet(sim.clients, sim.target, devices, FleetSettings.DEFAULTS)) {
            fleet.start(RUN);
            long deadline = System.nanoTime() + RUN.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(sim.watch.incidents()).as("incidents raised by a benign fleet").isEmpty();
                DeviceLink.pause(5_000);
            }
            stats = fleet.stats();
        }
        System.out.printf("benign fleet: %s; incidents: %d%n", stats, sim.watch.incidents().size());

        assertThat(sim.watch.incidents()).as("incidents raised by a benign fleet").isEmpty();
        assertThat(stats.connects()).as("every device connected").isGreaterThanOrEqualTo(DEVICES);
        // 1,000 devices at one message per 1.5 s on average, after a 20 s ramp-up: about 100,000
        assertThat(stats.acknowledged()).as("messages the hub acknowledged").isGreaterThan(50_000);
        assertThat(stats.reconnects()).as("planned reconnects happened").isPositive();
        assertThat(stats.refusedConnects()).isZero();
    }
}
