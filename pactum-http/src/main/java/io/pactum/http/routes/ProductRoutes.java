package io.pactum.http.routes;

import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.ProductUpdate;
import io.pactum.core.security.Principal;
import io.pactum.core.service.ProductService;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.ListView;
import io.pactum.http.views.ProductView;
import io.vertx.ext.web.Router;
import java.util.Objects;

public final class ProductRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/products";

    private final ProductService products;
    private final Replies replies;
    private final JsonBodies bodies;

    public ProductRoutes(ProductService products, Replies replies, JsonBodies bodies) {
        this.products = Objects.requireNonNull(products, "products");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> ProductView.of(products.create(caller, bodies.read(ctx, NewProduct.class))),
                    p -> PATH + "/" + p.id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> ListView.of(products.list(caller), ProductView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> ProductView.of(products.get(caller, id)));
        });
        router.patch(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> ProductView.of(products.update(caller, id, bodies.read(ctx, ProductUpdate.class))));
        });
        router.put(PATH + "/:id/approval").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> ProductView.of(products.decide(caller, id, bodies.read(ctx, ApprovalDecision.class))));
        });
    }
}
