package io.pactum.http.routes;

import io.pactum.core.command.CommandService;
import io.pactum.core.command.NewCommand;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.security.Principal;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.CommandView;
import io.pactum.http.views.HubKeyView;
import io.pactum.http.views.ListView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/** Commands to devices, and the hub key devices verify them with. */
public final class CommandRoutes {
    static final String PATH = DeviceRoutes.PATH + "/:id/commands";
    static final String HUB_KEY = ApiRouter.API_PREFIX + "/hub/key";
    private static final int DEFAULT_LIMIT = 50;

    private final CommandService commands;
    private final Replies replies;
    private final JsonBodies bodies;

    public CommandRoutes(CommandService commands, Replies replies, JsonBodies bodies) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String deviceId = ctx.pathParam("id");
            replies.created(ctx, () -> CommandView.of(commands.send(caller, deviceId, bodies.read(ctx, NewCommand.class))),
                    c -> DeviceRoutes.PATH + "/" + deviceId + "/commands/" + c.id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String deviceId = ctx.pathParam("id");
            replies.ok(ctx, () -> ListView.of(commands.list(caller, deviceId, limit(ctx)), CommandView::of));
        });
        router.get(PATH + "/:commandId").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String deviceId = ctx.pathParam("id");
            String commandId = ctx.pathParam("commandId");
            replies.ok(ctx, () -> CommandView.of(commands.get(caller, deviceId, commandId)));
        });
        router.get(HUB_KEY).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> HubKeyView.of(commands.hubKey(caller)));
        });
    }

    private static int limit(RoutingContext ctx) {
        String raw = ctx.queryParams().get("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "limit must be an integer");
        }
    }
}
