package io.pactum.http;

import io.pactum.core.service.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point for the composition root: starts the REST API on the given Vert.x instance. */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {}

    /**
     * Starts an HTTP server serving the REST API.
     *
     * @param ready answers {@code GET /ready}; may block (it is called off the event loop)
     * @return the listening server; {@code actualPort()} tells the port when 0 was asked for
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready) {
        return listen(vertx, registry, settings, ready, null, null, null, null);
    }

    /**
     * Starts an HTTP server serving the REST API and HTTP device ingest.
     *
     * @param ready answers {@code GET /ready}; may block (it is called off the event loop)
     * @param ingestion device authentication and the ingest pipeline, shared with the other adapters
     * @return the listening server; {@code actualPort()} tells the port when 0 was asked for
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion) {
        Objects.requireNonNull(ingestion, "ingestion");
        return listen(vertx, registry, settings, ready, ingestion, null, null, null);
    }

    /** As above, plus commands to devices, the hub's public key, and devices' stored records. */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion, DeviceServices devices) {
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(devices, "devices");
        return listen(vertx, registry, settings, ready, ingestion, devices, null, null);
    }

    /**
     * As above, plus sharing: agreements, consent, deliveries to recipients (polling, Server-Sent
     * Events, webhook registration) and partners' commands.
     */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion, DeviceServices devices, SharingServices sharing) {
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(sharing, "sharing");
        return listen(vertx, registry, settings, ready, ingestion, devices, sharing, null);
    }

    /** As above, plus the audit ledger for the operator: tree head, entries, signed checkpoints and proofs. */
    public static Future<HttpServer> start(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            DeviceIngestion ingestion, DeviceServices devices, SharingServices sharing, LedgerServices ledger) {
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(ledger, "ledger");
        return listen(vertx, registry, settings, ready, ingestion, devices, sharing, ledger);
    }

    private static Future<HttpServer> listen(Vertx vertx, Registry registry, HttpSettings settings,
            BooleanSupplier ready, @Nullable DeviceIngestion ingestion, @Nullable DeviceServices devices,
            @Nullable SharingServices sharing, @Nullable LedgerServices ledger) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ready, "ready");
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port());
        return vertx.createHttpServer(options)
                .requestHandler(ApiRouter.create(vertx, registry, settings, ready, ingestion, devices, sharing, ledger))
                .listen()
                .onSuccess(server -> LOG.info("REST API{} listening on {}:{}", ingestion == null ? "" : " and device ingest",
                        settings.host(), server.actualPort()));
    }
}
