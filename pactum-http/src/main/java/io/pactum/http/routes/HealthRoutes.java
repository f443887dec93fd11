package io.pactum.http.routes;

import io.pactum.http.support.Replies;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** Liveness and readiness, public so that load balancers and orchestrators need no token. */
public final class HealthRoutes {
    private final BooleanSupplier ready;
    private final Replies replies;

    public HealthRoutes(BooleanSupplier ready, Replies replies) {
        this.ready = Objects.requireNonNull(ready, "ready");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> replies.send(ctx, 200, Map.of("status", "up")));
        // The readiness check may touch the database, so it runs off the event loop; failing counts as not ready.
        router.get("/ready").handler(ctx -> ctx.vertx().executeBlocking(ready::getAsBoolean, false)
                .otherwise(false)
                .onComplete(result -> replies.send(ctx, Boolean.TRUE.equals(result.result()) ? 200 : 503,
                        Map.of("status", Boolean.TRUE.equals(result.result()) ? "ready" : "not_ready"))));
    }
}
