package io.pactum.http.routes;

import io.pactum.core.registry.NewDataSubject;
import io.pactum.core.security.Principal;
import io.pactum.core.service.DataSubjectService;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.DataSubjectView;
import io.pactum.http.views.ListView;
import io.vertx.ext.web.Router;
import java.util.Objects;

public final class DataSubjectRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/subjects";

    private final DataSubjectService subjects;
    private final Replies replies;
    private final JsonBodies bodies;

    public DataSubjectRoutes(DataSubjectService subjects, Replies replies, JsonBodies bodies) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> DataSubjectView.of(subjects.create(caller, bodies.read(ctx, NewDataSubject.class))),
                    s -> PATH + "/" + s.id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> ListView.of(subjects.list(caller), DataSubjectView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> DataSubjectView.of(subjects.get(caller, id)));
        });
    }
}
