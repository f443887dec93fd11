package io.pactum.http.routes;

import io.pactum.core.security.Principal;
import io.pactum.core.sharing.SharingService;
import io.pactum.http.ApiRouter;
import io.pactum.http.requests.ConsentRequest;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.views.ConsentReceiptView;
import io.pactum.http.views.ListView;
import io.vertx.ext.web.Router;
import java.util.Objects;

/**
 * Consent: the operator records each change (given or withdrawn, for one recipient and purpose) and
 * gets its receipt; a subject's receipts are its consent history. A change governs the next message.
 */
public final class ConsentRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/consents";
    static final String OF_SUBJECT = DataSubjectRoutes.PATH + "/:id/consents";

    private final SharingService sharing;
    private final Replies replies;
    private final JsonBodies bodies;

    public ConsentRoutes(SharingService sharing, Replies replies, JsonBodies bodies) {
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        // Receipts are read per subject; the new one is the last of its subject's list.
        router.post(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.created(ctx, () -> ConsentReceiptView.of(sharing.recordConsent(caller,
                    bodies.read(ctx, ConsentRequest.class).toChange())),
                    r -> DataSubjectRoutes.PATH + "/" + r.subjectId() + "/consents");
        });
        router.get(OF_SUBJECT).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String subjectId = ctx.pathParam("id");
            replies.ok(ctx, () -> ListView.of(sharing.consents(caller, subjectId), ConsentReceiptView::of));
        });
    }
}
