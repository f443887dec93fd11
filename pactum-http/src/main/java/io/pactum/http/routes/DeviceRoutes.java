package io.pactum.http.routes;

import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.security.Principal;
import io.pactum.core.service.DeviceService;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.DeviceView;
import io.pactum.http.views.ListView;
import io.pactum.http.views.ProvisionedDeviceView;
import io.vertx.ext.web.Router;
import java.util.Objects;

public final class DeviceRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/devices";

    private final DeviceService devices;
    private final Replies replies;
    private final JsonBodies bodies;

    public DeviceRoutes(DeviceService devices, Replies replies, JsonBodies bodies) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> ProvisionedDeviceView.of(devices.create(caller, bodies.read(ctx, NewDevice.class))),
                    d -> PATH + "/" + d.device().id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> ListView.of(devices.list(caller), DeviceView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> DeviceView.of(devices.get(caller, id)));
        });
        router.put(PATH + "/:id/state").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> DeviceView.of(devices.changeState(caller, id, bodies.read(ctx, DeviceStateChange.class))));
        });
    }
}
