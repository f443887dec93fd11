package io.pactum.server;

import io.pactum.core.detect.BuiltInBehaviours;
import io.pactum.core.detect.DetectionEngine;
import io.pactum.core.detect.DetectionSignals;
import io.pactum.core.detect.Observations;
import io.pactum.core.incident.IncidentActions;
import io.pactum.core.incident.IncidentOpener;
import io.pactum.core.incident.IncidentResponse;
import io.pactum.core.incident.IncidentService;
import io.pactum.core.incident.Playbooks;
import io.pactum.core.ingest.BlockedSources;
import io.pactum.core.security.Principal;
import io.pactum.core.sharing.SharingService;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.server.config.ConfigException;
import io.pactum.server.config.IncidentConfig;
import io.pactum.server.respond.NotifyWebhook;
import io.pactum.server.respond.PartnerSessions;
import io.pactum.server.respond.ResponseActions;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Detection and response in the running hub: the engine with the built-in behaviours, fed with
 * every security signal and every admitted connection and accepted message, ticked each second so
 * that alarms of stopped attacks clear; its alarms open incidents, and the playbooks contain them
 * (issue #6). Blocked hosts live here too, as the device authenticator must consult them.
 */
final class HubDetection implements AutoCloseable {
    private final DetectionEngine engine;
    private final IncidentService incidents;
    private final IncidentResponse response;
    private final BlockedSources blocked;
    private final ExecutorService worker;
    /** The MQTT adapter's, once it runs; it starts after detection, which the gateway needs first. */
    private final AtomicReference<PartnerSessions> partnerSessions;
    private final Optional<NotifyWebhook> notify;

    private HubDetection(DetectionEngine engine, IncidentService incidents, IncidentResponse response,
            BlockedSources blocked, ExecutorService worker, AtomicReference<PartnerSessions> partnerSessions,
            Optional<NotifyWebhook> notify) {
        this.engine = engine;
        this.notify = notify;
        this.partnerSessions = partnerSessions;
        this.incidents = incidents;
        this.response = response;
        this.blocked = blocked;
        this.worker = worker;
    }

    static HubDetection create(LocalRegistry local, SharingService sharing, IncidentConfig config) {
        Playbooks playbooks = Playbooks.parse(config.playbooks(), ResponseActions.NAMES);
        Optional<NotifyWebhook> notify = notifyWebhook(config, playbooks);
        IncidentService incidents = new IncidentService(local.database().incidents(), local.ledger(), local.clock());
        BlockedSources blocked = new BlockedSources();
        Principal hub = local.registry().bootstrap().hub();
        AtomicReference<PartnerSessions> partnerSessions = new AtomicReference<>(PartnerSessions.NONE);
        PartnerSessions sessions = organisationId -> partnerSessions.get().disconnect(organisationId);
        IncidentResponse response = new IncidentResponse(incidents, ResponseActions.of(local.registry().devices(),
                sharing, local.database().stores().organisations(), blocked, sessions, hub, local.clock(),
                Duration.ofMinutes(config.blockSourceMinutes()), notify), playbooks);
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "pactum-incidents");
            thread.setDaemon(true);
            return thread;
        });
        DetectionEngine engine = new DetectionEngine(BuiltInBehaviours.all(),
                new IncidentOpener(incidents, response, worker));
        // a released subject starts from a clean slate, so that attacking again alarms again
        response.onReversed(reversed -> engine.forget(reversed.target()));
        return new HubDetection(engine, incidents, response, blocked, worker, partnerSessions, notify);
    }

    /** The notify action if configured; a playbook naming it without a URL stops the start. */
    private static Optional<NotifyWebhook> notifyWebhook(IncidentConfig config, Playbooks playbooks) {
        if (config.notifyUrl().isEmpty()) {
            if (playbooks.uses(IncidentActions.NOTIFY)) {
                throw new ConfigException(List.of("pactum.incidents.playbooks names notify, but"
                        + " pactum.incidents.notify-url is empty: set it (and pactum.incidents.notify-secret)"));
            }
            return Optional.empty();
        }
        if (config.notifySecret().isEmpty()) {
            throw new ConfigException(List.of("pactum.incidents.notify-secret is required with"
                    + " pactum.incidents.notify-url"));
        }
        try {
            return Optional.of(new NotifyWebhook(config.notifyUrl().get(), config.notifySecret().get(),
                    config.notifyAllowPlainHttp()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of("pactum.incidents.notify-url / notify-secret: " + e.getMessage()));
        }
    }

    /** Lets suspend-organisation drop the partner's live sessions. */
    void usePartnerSessions(PartnerSessions sessions) {
        partnerSessions.set(sessions);
    }

    /** Where the gateway hands its signals to detection. */
    SecuritySignals signals() {
        return new DetectionSignals(engine);
    }

    /** Where adapters and the pipeline report connections and accepted messages. */
    Observations observations() {
        return engine;
    }

    IncidentService incidents() {
        return incidents;
    }

    IncidentResponse response() {
        return response;
    }

    BlockedSources blockedSources() {
        return blocked;
    }

    /** Ticks once a second until the runtime closes. */
    void startTicking(Vertx vertx, Clock clock) {
        vertx.setPeriodic(1_000, id -> engine.tick(clock.instant()));
    }

    /** Opens the incidents of alarms already raised, then stops. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notify.ifPresent(NotifyWebhook::close);
    }
}
