package io.pactum.http.routes;

import io.pactum.core.registry.NewApiClient;
import io.pactum.core.security.Principal;
import io.pactum.core.service.ApiClientService;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.ClientView;
import io.pactum.http.views.IssuedClientView;
import io.pactum.http.views.ListView;
import io.vertx.ext.web.Router;
import java.util.Objects;

/** API clients: created and listed under their organisation, read and revoked by their own id. */
public final class ClientRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/clients";

    private final ApiClientService clients;
    private final Replies replies;
    private final JsonBodies bodies;

    public ClientRoutes(ApiClientService clients, Replies replies, JsonBodies bodies) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        String ofOrganisation = OrganisationRoutes.PATH + "/:id/clients";
        router.post(ofOrganisation).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String organisationId = ctx.pathParam("id");
            replies.created(ctx, () -> IssuedClientView.of(clients.create(caller, organisationId,
                    bodies.read(ctx, NewApiClient.class))), c -> PATH + "/" + c.client().id());
        });
        router.get(ofOrganisation).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String organisationId = ctx.pathParam("id");
            replies.ok(ctx, () -> ListView.of(clients.list(caller, organisationId), ClientView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> ClientView.of(clients.get(caller, id)));
        });
        // Revocation keeps the client (its history matters), so DELETE answers with the revoked client.
        router.delete(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> ClientView.of(clients.revoke(caller, id)));
        });
    }
}
