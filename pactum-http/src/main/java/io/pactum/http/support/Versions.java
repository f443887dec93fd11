package io.pactum.http.support;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic concurrency over HTTP for resources with a version: the version travels as a strong
 * entity tag ({@code ETag: "3"}), and a change must name the version it was made from
 * ({@code If-Match: "3"}). No {@code If-Match} answers 428, so that a client cannot overwrite
 * blindly; a version that is no longer current answers 412, and the client reads again.
 */
public final class Versions {
    static final String IF_MATCH = "If-Match";
    private static final Pattern STRONG_TAG = Pattern.compile("\\s*\"([1-9][0-9]{0,17})\"\\s*");

    private Versions() {}

    /** Puts the version on the response as its entity tag. */
    public static void tag(RoutingContext ctx, long version) {
        ctx.response().putHeader(HttpHeaders.ETAG, "\"" + version + "\"");
    }

    /**
     * The version the request's {@code If-Match} names.
     *
     * @throws RequestRefusedException (428) if there is none
     * @throws InvalidInputException   if it is not one strong tag of a version, e.g. {@code "3"}
     */
    public static long expected(RoutingContext ctx) {
        @Nullable String header = ctx.request().getHeader(IF_MATCH);
        if (header == null || header.isBlank()) {
            throw new RequestRefusedException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the version you are changing, e.g. If-Match: \"3\"");
        }
        Matcher tag = STRONG_TAG.matcher(header);
        if (!tag.matches()) {
            // "*" or a list would let a stale client overwrite: one version, as ETag gave it, is needed.
            throw new InvalidInputException(IF_MATCH, "If-Match must be one ETag as GET returned it, e.g. \"3\"");
        }
        return Long.parseLong(tag.group(1));
    }

    /**
     * Runs a change guarded by an expected version; the service's refusal of a stale version
     * (a conflict on {@code version}) becomes 412. Other conflicts stay 409.
     */
    public static <T> T guarded(Callable<T> change) throws Exception {
        try {
            return change.call();
        } catch (ConflictException e) {
            if (e.field().filter("version"::equals).isPresent()) {
                throw new RequestRefusedException(412, "precondition-failed", "Precondition failed", e.getMessage());
            }
            throw e;
        }
    }
}
