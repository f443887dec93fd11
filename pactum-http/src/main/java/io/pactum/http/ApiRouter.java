package io.pactum.http;

import io.pactum.core.service.Registry;
import io.pactum.http.routes.AgreementRoutes;
import io.pactum.http.routes.ClientRoutes;
import io.pactum.http.routes.CommandRoutes;
import io.pactum.http.routes.ConsentRoutes;
import io.pactum.http.routes.DataSubjectRoutes;
import io.pactum.http.routes.DeliveryRoutes;
import io.pactum.http.routes.DeliveryStreamRoute;
import io.pactum.http.routes.DeviceGroupRoutes;
import io.pactum.http.routes.DeviceIngestRoutes;
import io.pactum.http.routes.DeviceRoutes;
import io.pactum.http.routes.HealthRoutes;
import io.pactum.http.routes.IncidentRoutes;
import io.pactum.http.routes.LedgerRoutes;
import io.pactum.http.routes.MeRoutes;
import io.pactum.http.routes.OpenApiRoute;
import io.pactum.http.routes.OrganisationRoutes;
import io.pactum.http.routes.PartnerCommandRoutes;
import io.pactum.http.routes.ProductRoutes;
import io.pactum.http.routes.RecordRoutes;
import io.pactum.http.routes.WebhookRoutes;
import io.pactum.http.support.AccessDenials;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.Json;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.ProblemHandler;
import io.pactum.http.support.Replies;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Assembles the router. Order matters: the body limit applies before anything else reads the body,
 * the public routes come before authentication, and one failure handler turns every error into a
 * problem document (and a partner's 403 or 404 into a security signal as well). Device ingest, when
 * configured, has its own prefix and its own authentication (the device's id and secret), so the
 * API's bearer tokens never apply to it.
 */
public final class ApiRouter {
    public static final String API_PREFIX = "/api/v1";

    private ApiRouter() {}

    /** The REST API without device ingest. */
    public static Router create(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready) {
        return create(vertx, registry, settings, ready, ApiServices.registryOnly());
    }

    /** The REST API, and device ingest under {@value DeviceIngestRoutes#PREFIX} when {@code ingestion} is given. */
    public static Router create(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            @Nullable DeviceIngestion ingestion) {
        return create(vertx, registry, settings, ready, ingestion, null);
    }

    /** As above, plus commands to devices and their stored records when {@code devices} is given. */
    public static Router create(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            @Nullable DeviceIngestion ingestion, @Nullable DeviceServices devices) {
        return create(vertx, registry, settings, ready, ingestion, devices, null);
    }

    /**
     * As above, plus agreements, consent, deliveries (polling, Server-Sent Events, webhooks) and
     * partners' commands when {@code sharing} is given.
     */
    public static Router create(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            @Nullable DeviceIngestion ingestion, @Nullable DeviceServices devices, @Nullable SharingServices sharing) {
        return create(vertx, registry, settings, ready, ingestion, devices, sharing, null);
    }

    /** As above, plus the audit ledger (head, entries, checkpoints, proofs) when {@code ledger} is given. */
    public static Router create(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            @Nullable DeviceIngestion ingestion, @Nullable DeviceServices devices, @Nullable SharingServices sharing,
            @Nullable LedgerServices ledger) {
        ApiServices none = ApiServices.registryOnly();
        return create(vertx, registry, settings, ready,
                new ApiServices(ingestion, devices, sharing, ledger, null, none.signals(), none.clock()));
    }

    /** The REST API and every group of routes whose services {@code services} holds. */
    public static Router create(Vertx vertx, Registry registry, HttpSettings settings, BooleanSupplier ready,
            ApiServices services) {
        DeviceIngestion ingestion = services.ingestion();
        DeviceServices devices = services.devices();
        SharingServices sharing = services.sharing();
        LedgerServices ledger = services.ledger();
        IncidentServices incidents = services.incidents();
        var mapper = Json.mapper();
        var replies = new Replies(mapper);
        var bodies = new JsonBodies(mapper);
        var problems = new ProblemHandler(mapper, settings.maxBodyBytes(),
                new AccessDenials(services.signals(), services.clock()));
        Router router = Router.router(vertx);

        router.route().handler(Replies::secureHeaders);
        new HealthRoutes(ready, replies).mount(router);
        if (ingestion != null) {
            router.route(DeviceIngestRoutes.PREFIX + "/*")
                    .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
            new DeviceIngestRoutes(ingestion, replies).mount(router);
        }
        // No file uploads: nothing from a request is ever written to disk.
        router.route(API_PREFIX + "/*").handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
        new OpenApiRoute().mount(router);
        router.route(API_PREFIX + "/*").handler(new AuthHandler(registry.authenticator()));

        new MeRoutes(replies).mount(router);
        new OrganisationRoutes(registry.organisations(), replies, bodies).mount(router);
        new ClientRoutes(registry.clients(), replies, bodies).mount(router);
        new ProductRoutes(registry.products(), replies, bodies).mount(router);
        new DeviceRoutes(registry.devices(), replies, bodies).mount(router);
        new DataSubjectRoutes(registry.subjects(), replies, bodies).mount(router);
        new DeviceGroupRoutes(registry.groups(), replies, bodies).mount(router);
        if (devices != null) {
            new CommandRoutes(devices.commands(), replies, bodies).mount(router);
            new RecordRoutes(devices.records(), replies).mount(router);
        }
        if (sharing != null) {
            new AgreementRoutes(sharing.sharing(), replies, bodies).mount(router);
            new ConsentRoutes(sharing.sharing(), replies, bodies).mount(router);
            // The stream holds its request open, so it checks the caller's token again on every heartbeat.
            new DeliveryStreamRoute(sharing.deliveries(), registry.authenticator()).mount(router);
            new DeliveryRoutes(sharing.deliveries(), replies).mount(router);
            new WebhookRoutes(sharing.deliveries(), replies, bodies).mount(router);
            new PartnerCommandRoutes(sharing.partnerCommands(), replies, bodies).mount(router);
        }
        if (ledger != null) {
            new LedgerRoutes(ledger, replies).mount(router);
        }
        if (incidents != null) {
            new IncidentRoutes(incidents, replies, bodies).mount(router);
        }

        router.route().failureHandler(problems);
        router.errorHandler(404, problems::noSuchRoute);
        router.errorHandler(405, problems::methodNotAllowed);
        return router;
    }
}
