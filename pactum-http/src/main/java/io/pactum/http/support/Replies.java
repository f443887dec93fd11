package io.pactum.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Runs a route's work off the event loop (the registry's stores do blocking JDBC) and sends its
 * result as JSON; a failure goes to the problem handler.
 */
public final class Replies {
    static final String ROUTE_KEY = "pactum.route";

    private final ObjectMapper mapper;

    public Replies(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Headers for every response: bodies may hold tokens or personal data, so nothing is cached. */
    public static void secureHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        ctx.next();
    }

    public <T> void ok(RoutingContext ctx, Callable<T> work) {
        ok(ctx, 200, work);
    }

    /** The result with the given success status, e.g. 201 for something created that has no URL of its own. */
    public <T> void ok(RoutingContext ctx, int status, Callable<T> work) {
        run(ctx, work, result -> send(ctx, status, result));
    }

    /** 200 with the result's version as its {@code ETag}, for resources changed under {@code If-Match}. */
    public <T> void okVersioned(RoutingContext ctx, Callable<T> work, java.util.function.ToLongFunction<T> version) {
        run(ctx, work, result -> {
            Versions.tag(ctx, version.applyAsLong(result));
            send(ctx, 200, result);
        });
    }

    /** 201 with a {@code Location} header naming the new resource. */
    public <T> void created(RoutingContext ctx, Callable<T> work, Function<T, String> location) {
        run(ctx, work, result -> {
            ctx.response().putHeader(HttpHeaders.LOCATION, location.apply(result));
            send(ctx, 201, result);
        });
    }

    /**
     * 200 with a JSON text the work produced itself, sent byte for byte as it is, for documents with
     * one fixed text of their own (proof documents).
     */
    public void okJsonText(RoutingContext ctx, Callable<String> work) {
        run(ctx, work, text -> ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** 204 once {@code work} is done, e.g. for a deletion. */
    public void noContent(RoutingContext ctx, Callable<?> work) {
        run(ctx, work, ignored -> ctx.response().setStatusCode(204).end());
    }

    /**
     * Notes the route's template (not the concrete path, which may hold ids) for the problem
     * handler's log lines; for routes that answer otherwise than through this class.
     */
    public static void nameRoute(RoutingContext ctx) {
        ctx.put(ROUTE_KEY, ctx.currentRoute().getPath());
    }

    public void send(RoutingContext ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Buffer.buffer(bytes));
    }

    private <T> void run(RoutingContext ctx, Callable<T> work, java.util.function.Consumer<T> onResult) {
        nameRoute(ctx);
        ctx.vertx().executeBlocking(work, false).onSuccess(onResult::accept).onFailure(ctx::fail);
    }
}
