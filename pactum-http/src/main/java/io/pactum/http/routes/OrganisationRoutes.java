package io.pactum.http.routes;

import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.security.Principal;
import io.pactum.core.service.OrganisationService;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.ListView;
import io.pactum.http.views.OrganisationView;
import io.vertx.ext.web.Router;
import java.util.Objects;

public final class OrganisationRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/organisations";

    private final OrganisationService organisations;
    private final Replies replies;
    private final JsonBodies bodies;

    public OrganisationRoutes(OrganisationService organisations, Replies replies, JsonBodies bodies) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> OrganisationView.of(organisations.create(caller,
                    bodies.read(ctx, NewOrganisation.class))), o -> PATH + "/" + o.id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> ListView.of(organisations.list(caller), OrganisationView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> OrganisationView.of(organisations.get(caller, id)));
        });
    }
}
