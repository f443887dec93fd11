package io.pactum.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.LedgerEntryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6, must show 3: the operator releases a quarantined device, which is recorded on the
 * incident's timeline and in the ledger, and the device connects again; when it attacks again it
 * is contained again, within the same bound.
 */
class QuarantineReleaseIT {
    private static final String QUARANTINE = "quarantine-device";

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
    void releasedDevice_connectsAgain_isRecorded_andIsContainedAgainWhenItAttacksAgain() {
        SimDevice device = sim.scenario.device("sim-repeat");

        Incident first = containedAfter(new MacForgery(sim.target, MacForgery.DEFAULT_BOUNDS, device,
                SimulatedHub.SEALER));
        assertThat(sim.scenario.deviceState(device.id())).isEqualTo("quarantined");

        sim.hub.incidentResponse().reverse(sim.watch.operator(), first.id(), QUARANTINE, device.id(),
                "reviewed: a firmware fault, not an attack");

        assertThat(sim.scenario.deviceState(device.id())).isEqualTo("active");
        try (DeviceLink back = DeviceLink.device(sim.clients, sim.target, device, null)) {
            assertThat(back.connect()).as("the released device connects again").isTrue();
        }
        assertThat(sim.watch.timeline(first.id())).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.ACTION_REVERSED);
            assertThat(entry.action()).isEqualTo(QUARANTINE);
            assertThat(entry.target()).isEqualTo(device.id());
            assertThat(entry.detail()).contains("firmware fault");
        });
        assertThat(sim.watch.incidents()).filteredOn(i -> i.id().equals(first.id()))
                .singleElement().extracting(Incident::status).isEqualTo(IncidentStatus.OPEN);
        assertThat(incidentActionsInLedger(first.id())).anySatisfy(details ->
                assertThat(details).contains("reversed").contains(QUARANTINE))
                .anySatisfy(details -> assertThat(details).contains("taken").contains(QUARANTINE));

        Incident again = containedAfter(new MacForgery(sim.target, MacForgery.DEFAULT_BOUNDS, device,
                SimulatedHub.SEALER));

        assertThat(sim.scenario.deviceState(device.id())).isEqualTo("quarantined");
        try (DeviceLink refused = DeviceLink.device(sim.clients, sim.target, device, null)) {
            assertThat(refused.connect()).as("a fresh connect after the second quarantine").isFalse();
        }
        assertThat(sim.watch.timeline(again.id()))
                .filteredOn(e -> e.kind() == TimelineEntry.Kind.ACTION_TAKEN && QUARANTINE.equals(e.action()))
                .as("quarantine taken, released, taken again").hasSizeGreaterThanOrEqualTo(
                        again.id().equals(first.id()) ? 2 : 1);
    }

    /** Runs the attack and returns its incident once contained, asserting the time from the attack's start. */
    private Incident containedAfter(Attack attack) {
        Instant before = Instant.now();
        RunningAttack running = attack.start(sim.clients);
        Incident contained = sim.watch.awaitContained(attack.detector(), attack.subject(), before,
                AttackContainmentIT.PATIENCE).orElseThrow(() -> new AssertionError(attack
                + " was not contained within " + AttackContainmentIT.PATIENCE + "; incidents: "
                + sim.watch.incidents()));
        Instant started = running.awaitStart(AttackContainmentIT.PATIENCE);
        AttackResult result = running.awaitResult(Duration.ofSeconds(30));
        double seconds = ContainmentWatch.secondsToContainment(started, contained);
        System.out.printf("%s (release test): contained %.3f s after the attack's start (%s)%n", attack.name(),
                seconds, result);
        assertThat(seconds).isLessThan(AttackContainmentIT.BOUND_SECONDS);
        return contained;
    }

    /** The details of the ledger's incident-action entries of the incident, lower-cased, one string each. */
    private List<String> incidentActionsInLedger(String incidentId) {
        return sim.hub.ledger().entries(0, 100_000).stream()
                .filter(e -> e.type() == LedgerEntryType.INCIDENT_ACTION)
                .map(LedgerEntry::details)
                .filter(d -> incidentId.equals(d.get("incidentId")))
                .map(d -> d.toString().toLowerCase(Locale.ROOT))
                .toList();
    }
}
