package io.pactum.http.support;

import io.pactum.core.access.Authenticator;
import io.pactum.core.error.UnauthenticatedException;
import io.pactum.core.security.Principal;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates {@code Authorization: Bearer <token>} and puts the caller's {@link Principal} on the
 * routing context. The token is looked up in the database, so that happens off the event loop.
 */
public final class AuthHandler implements Handler<RoutingContext> {
    private static final String PRINCIPAL_KEY = "pactum.principal";
    private static final String SCHEME = "Bearer ";

    private final Authenticator authenticator;

    public AuthHandler(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            ctx.fail(new UnauthenticatedException("a bearer token is required: send Authorization: Bearer <token>"));
            return;
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            ctx.fail(new UnauthenticatedException("the Authorization header must use the Bearer scheme"));
            return;
        }
        String token = header.substring(SCHEME.length()).strip();
        ctx.vertx().executeBlocking(() -> authenticator.authenticate(token), false)
                .onSuccess(principal -> {
                    ctx.put(PRINCIPAL_KEY, principal);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    /**
     * The bearer token the caller authenticated with, for routes that hold a request open and must
     * check again later that it is still valid (a stream). Never to be logged.
     */
    public static String token(RoutingContext ctx) {
        principal(ctx);
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new IllegalStateException("route is not behind AuthHandler");
        }
        return header.substring(SCHEME.length()).strip();
    }

    /** The authenticated caller; only for handlers mounted behind this one. */
    public static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL_KEY);
        if (principal == null) {
            throw new IllegalStateException("route is not behind AuthHandler");
        }
        return principal;
    }

    static @Nullable Principal principalOrNull(RoutingContext ctx) {
        return ctx.get(PRINCIPAL_KEY);
    }
}
