package io.pactum.http.routes;

import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.security.Principal;
import io.pactum.http.ApiRouter;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.Replies;
import io.pactum.http.views.DeliveriesView;
import io.vertx.ext.web.Router;
import java.util.Objects;

/**
 * The caller's deliveries by polling: {@code ?after=<lastEventId>} from the previous answer
 * ({@code 0}, the default, for everything kept), {@code limit} per page. Entries withheld since
 * release (agreement no longer in force, consent withdrawn) are skipped and audited.
 */
public final class DeliveryRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/deliveries";
    static final int DEFAULT_LIMIT = 100;

    private final DeliveryService deliveries;
    private final Replies replies;

    public DeliveryRoutes(DeliveryService deliveries, Replies replies) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    public void mount(Router router) {
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> DeliveriesView.of(deliveries.read(caller, Queries.eventId(ctx, "after", 0),
                    Queries.integer(ctx, "limit", DEFAULT_LIMIT))));
        });
    }
}
