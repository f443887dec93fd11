package io.pactum.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.server.Hub;
import io.pactum.server.simulate.AttackBounds;
import io.pactum.server.simulate.BenignFleet;
import io.pactum.server.simulate.ClonedCredential;
import io.pactum.server.simulate.ContainmentWatch;
import io.pactum.server.simulate.FleetSettings;
import io.pactum.server.simulate.FleetStats;
import io.pactum.server.simulate.LoopbackTarget;
import io.pactum.server.simulate.PartnerFeed;
import io.pactum.server.simulate.RunningAttack;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Plays the demo on a running hub whose ecosystem is set up: the partners connect and receive, the
 * devices send, one patient withdraws consent, the attack comes and is contained; every second the
 * display gets a snapshot, and each event a line. Stops by itself after the set duration, or earlier
 * when asked ({@link #stop()}, e.g. on Ctrl-C); returns the last snapshot.
 */
public final class DemoRun {
    /** Where the run reports; called from the run's thread only. */
    public interface Display {
        /** Something happened {@code at} into the run. */
        void event(Duration at, String text);

        /** The state now, about once a second. */
        void summary(DemoSnapshot snapshot);
    }

    private static final long TICK_MILLIS = 200;
    private static final Duration SUMMARY_EVERY = Duration.ofSeconds(1);
    /** Deliveries still on their way when the devices stop get this long to arrive. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final Hub hub;
    private final DemoEcosystem ecosystem;
    private final DemoSettings settings;
    private final Display display;
    private final LoopbackTarget target;
    private final ContainmentWatch watch;
    private final Set<String> reportedIncidents = new HashSet<>();
    private final Map<String, DeliveryTally> tallies = new LinkedHashMap<>();
    private volatile boolean stopRequested;
    private Instant start = Instant.now();
    private @Nullable Duration withdrawnAt;
    private @Nullable RunningAttack attack;
    private @Nullable Instant attackStart;
    /** Until the end, assumed; checked once, at the end, when the feeds are about to close. */
    private boolean partnersConnected = true;

    public DemoRun(Hub hub, DemoEcosystem ecosystem, DemoSettings settings, Display display) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.ecosystem = Objects.requireNonNull(ecosystem, "ecosystem");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.display = Objects.requireNonNull(display, "display");
        this.target = LoopbackTarget.local(hub.mqttPort(), hub.httpPort());
        this.watch = new ContainmentWatch(hub);
    }

    /** Asks the run to end now; it stops its devices and returns its last snapshot. */
    public void stop() {
        stopRequested = true;
    }

    public DemoSnapshot run() {
        start = Instant.now();
        Vertx clients = Vertx.vertx();
        try {
            DeliveryTally clinic = new DeliveryTally(DemoEcosystem.CLINIC,
                    hub.recipientPseudonym(ecosystem.clinic().organisationId(), ecosystem.withdrawingPatient()));
            DeliveryTally analytics = new DeliveryTally(DemoEcosystem.ANALYTICS, null);
            tallies.put(clinic.partner(), clinic);
            tallies.put(analytics.partner(), analytics);
            try (PartnerFeed clinicFeed = PartnerFeed.open(clients, target, ecosystem.clinic(), clinic);
                    PartnerFeed analyticsFeed = PartnerFeed.open(clients, target, ecosystem.analytics(), analytics)) {
                event("the clinic and the analytics company are connected and receiving (MQTT, persistent sessions)");
                Map<DeviceKind, BenignFleet> fleets = startFleets(clients);
                try {
                    play(clients, fleets, clinic, analytics);
                } finally {
                    fleets.values().forEach(BenignFleet::close);
                    stopAttack();
                }
                pause(DRAIN.toMillis());
                partnersConnected = clinicFeed.isConnected() && analyticsFeed.isConnected()
                        && clinicFeed.unreadable() == 0 && analyticsFeed.unreadable() == 0;
                return snapshot(fleets, clinic, analytics);
            }
        } finally {
            clients.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** Each partner's first delivery as it received it (null if none), once the run is over. */
    public Map<String, @Nullable JsonNode> samples() {
        Map<String, @Nullable JsonNode> samples = new LinkedHashMap<>();
        tallies.forEach((partner, tally) -> samples.put(partner, tally.sample()));
        return samples;
    }

    private Map<DeviceKind, BenignFleet> startFleets(Vertx clients) {
        long intervalMillis = Math.max(100, Math.round(1000 / settings.messagesPerSecond()));
        FleetSettings fleetSettings = new FleetSettings(Duration.ofMillis(Math.max(100, intervalMillis * 4 / 5)),
                Duration.ofMillis(intervalMillis * 6 / 5), 1.0 / 500, Duration.ofSeconds(3));
        Map<DeviceKind, BenignFleet> fleets = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            BenignFleet fleet = new BenignFleet(clients, target, ecosystem.devices().get(kind), fleetSettings,
                    DemoTelemetry.of(kind));
            fleet.start(settings.duration()); // the run stops the fleets itself when it ends
            fleets.put(kind, fleet);
        }
        event(String.format(Locale.ROOT, "%d devices are connecting and sending, each about %s a second",
                fleets.values().stream().mapToInt(f -> f.stats().devices()).sum(),
                settings.messagesPerSecond() == 1 ? "once" : settings.messagesPerSecond() + " times"));
        return fleets;
    }

    private void play(Vertx clients, Map<DeviceKind, BenignFleet> fleets, DeliveryTally clinic,
            DeliveryTally analytics) {
        Instant nextSummary = start;
        while (!stopRequested) {
            if (elapsed().compareTo(settings.duration()) >= 0) {
                return;
            }
            if (withdrawnAt == null && elapsed().compareTo(settings.withdrawalAt()) >= 0
                    && (clinic.watchedArrived() || elapsed().compareTo(settings.attackAt()) >= 0)) {
                // the withdrawal shows only once some of the patient's data reached the clinic: wait for
                // that (the devices ramp up over a few seconds), but not past the attack
                ecosystem.withdrawConsent();
                Instant inForce = Instant.now();
                clinic.withdrawn(inForce);
                withdrawnAt = Duration.between(start, inForce);
                event(ecosystem.withdrawingPatient() + " withdraws consent to " + DemoEcosystem.CLINIC
                        + ": from now on none of their glucose data may reach it");
            }
            if (settings.attack() && attack == null && elapsed().compareTo(settings.attackAt()) >= 0
                    && elapsed().compareTo(settings.duration()) < 0) {
                startAttack(clients);
            }
            reportNewIncidents();
            if (!Instant.now().isBefore(nextSummary)) {
                display.summary(snapshot(fleets, clinic, analytics));
                nextSummary = nextSummary.plus(SUMMARY_EVERY);
            }
            pause(TICK_MILLIS);
        }
    }

    private void startAttack(Vertx clients) {
        String toy = ecosystem.attackedToy().id();
        event("ATTACK: " + toy + "'s credential was cloned; the clone connects from " + ClonedCredential.CLONE_ADDRESS
                + " while the genuine toy is online from " + ClonedCredential.GENUINE_ADDRESS);
        RunningAttack running = new ClonedCredential(target, AttackBounds.of(60, Duration.ofSeconds(5)),
                ecosystem.attackedToy(), ClonedCredential.CLONE_ADDRESS, DemoTelemetry.of(DeviceKind.TOY))
                .start(clients);
        attack = running;
        attackStart = running.awaitStart(Duration.ofSeconds(15));
    }

    private void stopAttack() {
        RunningAttack running = attack;
        if (running != null) {
            running.stop();
            try {
                running.awaitResult(Duration.ofSeconds(15));
            } catch (IllegalStateException e) {
                event("the attack script ended with an error: " + e.getMessage());
            }
        }
    }

    /** One line per incident when it is contained (or, if not contained, when it opens). */
    private void reportNewIncidents() {
        for (Incident incident : watch.incidents()) {
            boolean contained = incident.status() != IncidentStatus.OPEN && incident.containedAt() != null;
            String key = incident.id() + (contained ? "/contained" : "/open");
            if (!reportedIncidents.add(key)) {
                continue;
            }
            DemoSnapshot.IncidentLine line = line(incident);
            boolean theAttack = isTheAttack(incident);
            event("INCIDENT " + incident.id() + ": " + incident.title() + " — " + line.status()
                    + (line.secondsToContainment() == null ? ""
                            : String.format(Locale.ROOT, " %.3f s after %s", line.secondsToContainment(),
                                    theAttack ? "the attack began" : "detection"))
                    + (line.actions().isEmpty() ? "" : "; " + String.join(", ", line.actions())));
        }
    }

    private DemoSnapshot snapshot(Map<DeviceKind, BenignFleet> fleets, DeliveryTally clinic, DeliveryTally analytics) {
        Map<DeviceKind, FleetStats> stats = new EnumMap<>(DeviceKind.class);
        fleets.forEach((kind, fleet) -> stats.put(kind, fleet.stats()));
        Map<String, Long> delivered = new LinkedHashMap<>();
        delivered.put(clinic.partner(), clinic.delivered());
        delivered.put(analytics.partner(), analytics.delivered());
        List<DemoSnapshot.IncidentLine> incidents = watch.incidents().stream().map(this::line).toList();
        return new DemoSnapshot(Duration.between(start, Instant.now()), settings.duration(), stats,
                hub.gateway().signals().counts(), delivered, partnersConnected,
                clinic.withdrawal(ecosystem.withdrawingPatient(), withdrawnAt), incidents,
                attackedDevice());
    }

    private DemoSnapshot.IncidentLine line(Incident incident) {
        Instant contained = incident.containedAt();
        Double seconds = null;
        if (contained != null) {
            Instant from = isTheAttack(incident) ? attackStart : incident.detectedAt();
            seconds = Duration.between(from, contained).toNanos() / 1e9;
        }
        List<String> actions = watch.timeline(incident.id()).stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.ACTION_TAKEN && entry.action() != null)
                .map(entry -> entry.action() + (entry.target() == null ? "" : " " + entry.target()))
                .toList();
        return new DemoSnapshot.IncidentLine(incident.detector(), incident.subject(),
                incident.status().name().toLowerCase(Locale.ROOT), seconds, actions);
    }

    private boolean isTheAttack(Incident incident) {
        return DemoSnapshot.isTheAttack(incident.detector(), incident.subject(), attackedDevice());
    }

    /** The toy under attack, once the attack began. */
    private @Nullable String attackedDevice() {
        return attackStart == null ? null : ecosystem.attackedToy().id();
    }

    private Duration elapsed() {
        return Duration.between(start, Instant.now());
    }

    private void event(String text) {
        display.event(elapsed(), text);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
