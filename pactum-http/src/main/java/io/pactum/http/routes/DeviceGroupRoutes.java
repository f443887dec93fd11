package io.pactum.http.routes;

import io.pactum.core.registry.GroupMembers;
import io.pactum.core.registry.NewDeviceGroup;
import io.pactum.core.security.Principal;
import io.pactum.core.service.DeviceGroupService;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.DeviceGroupView;
import io.pactum.http.views.ListView;
import io.vertx.ext.web.Router;
import java.util.Objects;

public final class DeviceGroupRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/device-groups";

    private final DeviceGroupService groups;
    private final Replies replies;
    private final JsonBodies bodies;

    public DeviceGroupRoutes(DeviceGroupService groups, Replies replies, JsonBodies bodies) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> DeviceGroupView.of(groups.create(caller, bodies.read(ctx, NewDeviceGroup.class))),
                    g -> PATH + "/" + g.id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> ListView.of(groups.list(caller), DeviceGroupView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> DeviceGroupView.of(groups.get(caller, id)));
        });
        router.put(PATH + "/:id/members").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> DeviceGroupView.of(groups.replaceMembers(caller, id, bodies.read(ctx, GroupMembers.class))));
        });
    }
}
