package io.pactum.http;

import io.pactum.core.service.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point for the composition root: starts the REST API on the given Vert.x instance. */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {}

    /**
     * Starts an HTTP server serving the REST API over the registry.
     *
     * @param ready answers {@code GET /ready}; may block (it is called off the event loop)
     * @return the listening server; {@code actualPort()} tells the port when 0 was asked for
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready) {
        return start(vertx, registry, settings, ready, ApiServices.registryOnly());
    }

    /**
     * Starts an HTTP server serving the REST API and HTTP device ingest.
     *
     * @param ingestion device authentication and the ingest pipeline, shared with the other adapters
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion) {
        return start(vertx, registry, settings, ready, ApiServices.registryOnly().withIngestion(ingestion));
    }

    /** As above, plus commands to devices, the hub's public key, and devices' stored records. */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion, DeviceServices devices) {
        return start(vertx, registry, settings, ready,
                ApiServices.registryOnly().withIngestion(ingestion).withDevices(devices));
    }

    /**
     * As above, plus sharing: agreements, consent, deliveries to recipients (polling, Server-Sent
     * Events, webhook registration) and partners' commands.
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion, DeviceServices devices, SharingServices sharing) {
        return start(vertx, registry, settings, ready,
                ApiServices.registryOnly().withIngestion(ingestion).withDevices(devices).withSharing(sharing));
    }

    /**
     * As above, plus the audit ledger for the operator: tree head, entries, signed checkpoints and proofs.
     * Kept for existing callers; new ones pass an {@link ApiServices}, which also takes incidents and
     * security signals.
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion, DeviceServices devices, SharingServices sharing, LedgerServices ledger) {
        return start(vertx, registry, settings, ready, ApiServices.registryOnly().withIngestion(ingestion)
                .withDevices(devices).withSharing(sharing).withLedger(ledger));
    }

    /**
     * Starts an HTTP server serving the REST API, and whatever else {@code services} holds: device
     * ingest, commands and records, sharing, the audit ledger, incidents, and security signals for
     * partners' refused requests.
     *
     * @param ready answers {@code GET /ready}; may block (it is called off the event loop)
     * @return the listening server; {@code actualPort()} tells the port when 0 was asked for
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            ApiServices services) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(services, "services");
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port());
        return vertx.createHttpServer(options)
                .requestHandler(ApiRouter.create(vertx, registry, settings, ready, services))
                .listen()
                .onSuccess(server -> LOG.info("REST API{} listening on {}:{}",
                        services.ingestion() == null ? "" : " and device ingest", settings.host(), server.actualPort()));
    }
}
