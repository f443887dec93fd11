package io.pactum.server;

import io.pactum.core.detect.BuiltInBehaviours;
import io.pactum.core.detect.DetectionEngine;
import io.pactum.core.detect.DetectionSignals;
import io.pactum.core.incident.IncidentOpener;
import io.pactum.core.incident.IncidentService;
import io.pactum.core.signal.SecuritySignals;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Detection in the running hub: the engine with the built-in behaviours, fed with every security
 * signal, ticked each second so that alarms of stopped attacks clear; its alarms open incidents
 * (issue #6; playbooks and the other observations follow).
 */
final class HubDetection implements AutoCloseable {
    private final DetectionEngine engine;
    private final IncidentService incidents;
    private final ExecutorService worker;

    private HubDetection(DetectionEngine engine, IncidentService incidents, ExecutorService worker) {
        this.engine = engine;
        this.incidents = incidents;
        this.worker = worker;
    }

    static HubDetection create(LocalRegistry local) {
        IncidentService incidents = new IncidentService(local.database().incidents(), local.ledger(), local.clock());
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "pactum-incidents");
            thread.setDaemon(true);
            return thread;
        });
        return new HubDetection(new DetectionEngine(BuiltInBehaviours.all(), new IncidentOpener(incidents, worker)),
                incidents, worker);
    }

    /** Where the gateway hands its signals to detection. */
    SecuritySignals signals() {
        return new DetectionSignals(engine);
    }

    IncidentService incidents() {
        return incidents;
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
    }
}
