package io.pactum.http.routes;

import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.Replies;
import io.pactum.http.views.MeView;
import io.vertx.ext.web.Router;
import java.util.Objects;

/** The caller's own identity, so that a client can check what its token is. */
public final class MeRoutes {
    private final Replies replies;

    public MeRoutes(Replies replies) {
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    public void mount(Router router) {
        router.get(ApiRouter.API_PREFIX + "/me")
                .handler(ctx -> replies.send(ctx, 200, MeView.of(AuthHandler.principal(ctx))));
    }
}
