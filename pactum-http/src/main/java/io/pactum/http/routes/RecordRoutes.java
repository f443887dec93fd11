package io.pactum.http.routes;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ingest.RecordQueries;
import io.pactum.core.security.Principal;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.Replies;
import io.pactum.http.views.ListView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A device's stored records in canonical form. */
public final class RecordRoutes {
    static final String PATH = DeviceRoutes.PATH + "/:id/records";
    private static final int DEFAULT_LIMIT = 100;

    private final RecordQueries records;
    private final Replies replies;

    public RecordRoutes(RecordQueries records, Replies replies) {
        this.records = Objects.requireNonNull(records, "records");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    public void mount(Router router) {
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            String deviceId = ctx.pathParam("id");
            replies.ok(ctx, () -> ListView.of(records.list(caller, deviceId, instant(ctx, "from"), instant(ctx, "to"),
                    limit(ctx)), r -> r));
        });
    }

    private static @Nullable Instant instant(RoutingContext ctx, String name) {
        String raw = ctx.queryParams().get(name);
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be an RFC 3339 time in UTC, e.g. 2026-11-23T10:00:00Z");
        }
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
