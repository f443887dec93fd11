package io.pactum.http.routes;

import io.pactum.core.security.Principal;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.SharingService;
import io.pactum.http.ApiRouter;
import io.pactum.http.requests.AgreementRequest;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.AgreementView;
import io.pactum.http.views.ListView;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Objects;

/**
 * Data-sharing agreements: the operator creates, suspends, resumes and revokes them; a recipient
 * (partner or supplier) reads its own. A change governs the very next message.
 */
public final class AgreementRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/agreements";
    /** The state-changing actions, each a {@code POST} to {@code /agreements/{id}/<action>} without a body. */
    static final Map<String, AgreementState> ACTIONS = Map.of(
            "suspend", AgreementState.SUSPENDED,
            "resume", AgreementState.ACTIVE,
            "revoke", AgreementState.REVOKED);

    private final SharingService sharing;
    private final Replies replies;
    private final JsonBodies bodies;

    public AgreementRoutes(SharingService sharing, Replies replies, JsonBodies bodies) {
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> AgreementView.of(sharing.create(caller,
                    bodies.read(ctx, AgreementRequest.class).toNewAgreement())), a -> PATH + "/" + a.id());
        });
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> ListView.of(sharing.list(caller), a -> AgreementView.of(a, caller.isOperator())));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> AgreementView.of(sharing.get(caller, id), caller.isOperator()));
        });
        // One route per action (not /:action), so that each is an endpoint of its own in the OpenAPI document.
        ACTIONS.forEach((action, next) -> router.post(PATH + "/:id/" + action).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> AgreementView.of(sharing.changeState(caller, id, next)));
        }));
    }
}
