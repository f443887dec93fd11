package io.pactum.server.simulate;

import io.pactum.sdk.DeviceMessages;
import io.pactum.server.Hub;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/**
 * An in-process hub on loopback with everything the simulator needs around it: a client runtime
 * of its own (so that attackers do not share the hub's event loops), the scenario, and the
 * operator's view of incidents. One per test: attacks leave quarantines and blocks behind.
 */
final class SimulatedHub implements AutoCloseable {
    static final MessageSealer SEALER = DeviceMessages::mac0;

    final Hub hub;
    final Vertx clients;
    final LoopbackTarget target;
    final Scenario scenario;
    final ContainmentWatch watch;

    private SimulatedHub(Hub hub) {
        this.hub = hub;
        this.clients = Vertx.vertx();
        this.target = LoopbackTarget.local(hub.mqttPort(), hub.httpPort());
        this.scenario = Scenario.create(target, hub.firstAdminToken().orElseThrow().token(), "sim");
        this.watch = new ContainmentWatch(hub);
    }

    static SimulatedHub start(Path dir) {
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.resolve("data").toString(),
                "pactum.http.port", "0",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000"));
        Hub hub = Hub.start(config);
        try {
            return new SimulatedHub(hub);
        } catch (RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    PartnerFeed partnerFeed() {
        return PartnerFeed.open(clients, target, scenario.partner());
    }

    @Override
    public void close() {
        try {
            clients.close().toCompletionStage().toCompletableFuture().join();
        } finally {
            hub.close();
        }
    }
}
