package io.pactum.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.security.Principal;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's failure handler and its 404/405 handlers: every error leaves as a problem document.
 * Unexpected failures are logged with their stack trace; request bodies and tokens never are.
 */
public final class ProblemHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Logger SECURITY = LoggerFactory.getLogger("pactum.security");
    private static final String CHALLENGE_KEY = "pactum.challenge";
    static final String BEARER_CHALLENGE = "Bearer realm=\"pactum\"";

    private final ObjectMapper mapper;
    private final int maxBodyBytes;
    private final AccessDenials denials;

    /** Raises no signals. */
    public ProblemHandler(ObjectMapper mapper, int maxBodyBytes) {
        this(mapper, maxBodyBytes, new AccessDenials(signal -> { }, java.time.Clock.systemUTC()));
    }

    /** Also hands every partner's 403 and 404 to {@code denials}. */
    public ProblemHandler(ObjectMapper mapper, int maxBodyBytes, AccessDenials denials) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.maxBodyBytes = maxBodyBytes;
        this.denials = Objects.requireNonNull(denials, "denials");
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        String instance = ctx.request().path();
        Problem problem = isBodyTooLarge(ctx) ? Problems.payloadTooLarge(maxBodyBytes, instance)
                : Problems.of(failure, ctx.statusCode(), instance);
        String route = ctx.get(Replies.ROUTE_KEY, "-");
        if (problem.status() >= 500) {
            LOG.error("request {} {} failed unexpectedly", ctx.request().method(), route, failure);
        } else if (problem.status() == 403) {
            Principal caller = AuthHandler.principalOrNull(ctx);
            SECURITY.info("refused {} {} for client {}: forbidden", ctx.request().method(), route,
                    caller == null ? "-" : caller.clientId());
        }
        // Every route's refusals pass here, and only here: one hook sees them all.
        denials.answered(ctx, problem.status(), route);
        send(ctx, problem);
    }

    /**
     * Names the {@code WWW-Authenticate} challenge a 401 of this request carries, for routes that
     * authenticate otherwise than with a bearer token.
     */
    public static void challengeWith(RoutingContext ctx, String challenge) {
        ctx.put(CHALLENGE_KEY, challenge);
    }

    public void noSuchRoute(RoutingContext ctx) {
        send(ctx, Problems.forStatus(404, ctx.request().path()));
    }

    public void methodNotAllowed(RoutingContext ctx) {
        send(ctx, Problems.forStatus(405, ctx.request().path()));
    }

    private static boolean isBodyTooLarge(RoutingContext ctx) {
        return ctx.statusCode() == 413
                || ctx.failure() instanceof HttpException e && e.getStatusCode() == 413;
    }

    private void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            // Part of a reply is out already; the connection is all that is left to end.
            response.reset();
            return;
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            LOG.error("cannot serialise a problem document", e);
            response.setStatusCode(500).end();
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", ctx.get(CHALLENGE_KEY, BEARER_CHALLENGE));
        }
        if (problem.status() == 413) {
            // The client may still be sending the rest of the body; do not read it.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Buffer.buffer(body));
    }
}
