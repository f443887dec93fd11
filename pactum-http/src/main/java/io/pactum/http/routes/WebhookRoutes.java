package io.pactum.http.routes;

import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.NewWebhook;
import io.pactum.core.security.Principal;
import io.pactum.http.ApiRouter;
import io.pactum.http.requests.ReplayRequest;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.DeadLetterView;
import io.pactum.http.views.IssuedWebhookView;
import io.pactum.http.views.ListView;
import io.pactum.http.views.ReplayView;
import io.pactum.http.views.WebhookView;
import io.vertx.ext.web.Router;
import java.util.Objects;

/**
 * A recipient's webhooks: registration (the signing secret comes once, in the response), pausing
 * and resuming, deletion, and the events a webhook gave up on, which can be delivered again. The
 * operator may read every webhook but changes none.
 */
public final class WebhookRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/webhooks";
    static final int DEFAULT_DEAD_LETTERS = 100;

    private final DeliveryService deliveries;
    private final Replies replies;
    private final JsonBodies bodies;

    public WebhookRoutes(DeliveryService deliveries, Replies replies, JsonBodies bodies) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> IssuedWebhookView.of(deliveries.createWebhook(caller,
                    bodies.read(ctx, NewWebhook.class))), w -> PATH + "/" + w.webhook().id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> ListView.of(deliveries.webhooks(caller), WebhookView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> WebhookView.of(deliveries.webhook(caller, id)));
        });
        router.post(PATH + "/:id/disable").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> WebhookView.of(deliveries.setEnabled(caller, id, false)));
        });
        router.post(PATH + "/:id/enable").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> WebhookView.of(deliveries.setEnabled(caller, id, true)));
        });
        router.delete(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.noContent(ctx, () -> {
                deliveries.deleteWebhook(caller, id);
                return null;
            });
        });
        router.get(PATH + "/:id/dead-letters").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> ListView.of(deliveries.deadLetters(caller, id,
                    Queries.integer(ctx, "limit", DEFAULT_DEAD_LETTERS)), DeadLetterView::of));
        });
        router.post(PATH + "/:id/dead-letters/replay").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> new ReplayView(deliveries.replay(caller, id,
                    bodies.readOptional(ctx, ReplayRequest.class, ReplayRequest.ALL).eventIds())));
        });
    }
}
