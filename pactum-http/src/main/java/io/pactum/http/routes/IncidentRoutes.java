package io.pactum.http.routes;

import io.pactum.core.access.AccessPolicy;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentResponse;
import io.pactum.core.incident.IncidentService;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.http.ApiRouter;
import io.pactum.http.IncidentServices;
import io.pactum.http.requests.IncidentActionRequest;
import io.pactum.http.requests.IncidentAssigneeRequest;
import io.pactum.http.requests.IncidentNoteRequest;
import io.pactum.http.requests.IncidentStatusRequest;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.JsonBodies;
import io.pactum.http.support.Replies;
import io.pactum.http.support.Versions;
import io.pactum.http.views.IncidentView;
import io.pactum.http.views.ListView;
import io.pactum.http.views.PageView;
import io.pactum.http.views.TimelineEntryView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Incidents, the operator's alone: listing and reading them with their timelines, moving their
 * status, assigning them, notes, and taking and reversing response actions (each recorded on the
 * timeline and in the ledger). Reading needs the read scope, every change the write scope.
 *
 * <p>Changes of status and assignee overwrite what someone else may have just changed, so they
 * carry the version the caller read ({@code If-Match}, from the {@code ETag}); notes and actions
 * only append, so they do not. Writers are refused before their body or headers are looked at,
 * so that a caller without the right learns nothing from the answer.
 */
public final class IncidentRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/incidents";

    private final IncidentService incidents;
    private final IncidentResponse response;
    private final Replies replies;
    private final JsonBodies bodies;

    public IncidentRoutes(IncidentServices services, Replies replies, JsonBodies bodies) {
        Objects.requireNonNull(services, "services");
        this.incidents = services.incidents();
        this.response = services.response();
        this.replies = Objects.requireNonNull(replies, "replies");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void mount(Router router) {
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> PageView.of(incidents.list(caller, IncidentFilters.oneMoreThanAsked(ctx)),
                    IncidentFilters.offset(ctx), IncidentFilters.limit(ctx), IncidentView::of));
        });
        router.get(PATH + "/:id").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            versioned(ctx, () -> incidents.get(caller, id));
        });
        router.get(PATH + "/:id/timeline").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, () -> ListView.of(incidents.timeline(caller, id), TimelineEntryView::of));
        });
        router.put(PATH + "/:id/status").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            versioned(ctx, () -> {
                requireWriter(caller, "change incident status");
                long expected = Versions.expected(ctx);
                IncidentStatusRequest request = bodies.read(ctx, IncidentStatusRequest.class);
                return Versions.guarded(() -> incidents.changeStatus(caller, id, request.status(), expected,
                        request.reason()));
            });
        });
        router.put(PATH + "/:id/assignee").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            versioned(ctx, () -> {
                requireWriter(caller, "assign incidents");
                long expected = Versions.expected(ctx);
                String assignee = bodies.read(ctx, IncidentAssigneeRequest.class).assignee();
                return Versions.guarded(() -> incidents.assign(caller, id, assignee, expected));
            });
        });
        router.post(PATH + "/:id/notes").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, 201, () -> {
                requireWriter(caller, "add notes to incidents");
                String text = bodies.read(ctx, IncidentNoteRequest.class).text();
                return TimelineEntryView.of(incidents.addNote(caller, id, text));
            });
        });
        router.post(PATH + "/:id/actions").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, 201, () -> {
                requireWriter(caller, "respond to incidents");
                IncidentActionRequest request = bodies.read(ctx, IncidentActionRequest.class);
                return TimelineEntryView.of(response.take(caller, id, request.action(), request.target(),
                        request.reason()));
            });
        });
        router.post(PATH + "/:id/actions/reverse").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String id = ctx.pathParam("id");
            replies.ok(ctx, 201, () -> {
                requireWriter(caller, "respond to incidents");
                IncidentActionRequest request = bodies.read(ctx, IncidentActionRequest.class);
                return TimelineEntryView.of(response.reverse(caller, id, request.action(), request.target(),
                        request.reason()));
            });
        });
    }

    /** The incident as the work leaves it, with its version as the ETag. */
    private void versioned(RoutingContext ctx, Callable<Incident> work) {
        replies.okVersioned(ctx, () -> IncidentView.of(work.call()), IncidentView::version);
    }

    private static void requireWriter(Principal caller, String action) {
        AccessPolicy.requireOperator(caller, Scope.WRITE, action);
    }
}
