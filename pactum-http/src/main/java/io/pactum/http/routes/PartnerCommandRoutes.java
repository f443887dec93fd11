package io.pactum.http.routes;

import io.pactum.core.command.NewCommand;
import io.pactum.core.command.PartnerCommands;
import io.pactum.core.security.Principal;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.CommandView;
import io.vertx.ext.web.Router;
import java.util.Objects;

/**
 * Commands from partners (and suppliers receiving data) to the devices their agreements reach,
 * addressed by the caller's own pseudonym of the device, as its deliveries name it. A command no
 * agreement allows is refused with 403 naming the reason (e.g. {@code command-not-granted}); a
 * pseudonym the caller's agreements do not reach answers 404.
 */
public final class PartnerCommandRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/shared-devices/:pseudonym/commands";

    private final PartnerCommands commands;
    private final Replies replies;
    private final JsonBodies bodies;

    public PartnerCommandRoutes(PartnerCommands commands, Replies replies, JsonBodies bodies) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String pseudonym = ctx.pathParam("pseudonym");
            // No Location: partners read a command's fate in this answer; they have no command resource to fetch.
            replies.ok(ctx, 201, () -> CommandView.forPartner(
                    commands.send(caller, pseudonym, bodies.read(ctx, NewCommand.class)), pseudonym));
        });
    }
}
