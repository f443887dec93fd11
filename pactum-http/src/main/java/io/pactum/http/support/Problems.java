package io.pactum.http.support;

import io.pactum.core.error.ErrorCode;
import io.pactum.core.error.PactumException;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Maps failures to problem documents: core's error codes to HTTP statuses, HTTP-level refusals to
 * their own types, and anything unexpected to a 500 whose detail says nothing about the cause.
 *
 * <p>Invalid input is 400 whether the body is malformed JSON or well-formed but refused by the
 * registry's rules: clients handle one status, and {@code type}, {@code code} and {@code field}
 * say what is wrong.
 */
public final class Problems {
    static final String INTERNAL_DETAIL = "the hub could not complete the request; the error has been logged";

    private Problems() {}

    public static Problem of(@Nullable Throwable failure, int statusCode, String instance) {
        if (failure instanceof PactumException e) {
            ErrorCode code = e.code();
            return new Problem(Problem.TYPE_BASE + code.slug(), title(code), status(code), e.getMessage(), instance,
                    code.name().toLowerCase(Locale.ROOT), e.field().orElse(null));
        }
        if (failure instanceof RequestRefusedException e) {
            return problem(e.status(), e.slug(), e.title(), e.getMessage(), instance);
        }
        if (failure instanceof HttpException e) {
            return forStatus(e.getStatusCode(), instance);
        }
        if (failure == null) {
            return forStatus(statusCode, instance);
        }
        return internal(instance);
    }

    public static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    static String title(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> "Invalid input";
            case UNAUTHENTICATED -> "Authentication required";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case PAYLOAD_TOO_LARGE -> "Payload too large";
            case UNAVAILABLE -> "Unavailable";
        };
    }

    /** A problem for a bare HTTP status, as Vert.x Web reports routing and body-limit failures. */
    public static Problem forStatus(int status, String instance) {
        return switch (status) {
            case 400 -> problem(400, ErrorCode.INVALID_INPUT.slug(), "Invalid input", "the request is malformed", instance);
            case 401 -> problem(401, ErrorCode.UNAUTHENTICATED.slug(), "Authentication required",
                    "a valid bearer token is required", instance);
            case 403 -> problem(403, ErrorCode.FORBIDDEN.slug(), "Forbidden", "the request is not allowed", instance);
            case 404 -> problem(404, ErrorCode.NOT_FOUND.slug(), "Not found", "there is no resource at this path", instance);
            case 405 -> problem(405, "method-not-allowed", "Method not allowed",
                    "this resource does not support the request method", instance);
            case 413 -> problem(413, ErrorCode.PAYLOAD_TOO_LARGE.slug(), "Payload too large",
                    "the request body exceeds the size limit", instance);
            case 415 -> {
                RequestRefusedException r = RequestRefusedException.unsupportedMediaType();
                yield problem(415, r.slug(), r.title(), r.getMessage(), instance);
            }
            default -> status >= 400 && status < 500
                    ? problem(status, "bad-request", "Bad request", "the request cannot be processed", instance)
                    : internal(instance);
        };
    }

    public static Problem payloadTooLarge(int limitBytes, String instance) {
        return problem(413, ErrorCode.PAYLOAD_TOO_LARGE.slug(), "Payload too large",
                "the request body exceeds the limit of " + limitBytes + " bytes", instance);
    }

    public static Problem internal(String instance) {
        return problem(500, "internal-error", "Internal error", INTERNAL_DETAIL, instance);
    }

    private static Problem problem(int status, String slug, String title, String detail, String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance, slug.replace('-', '_'), null);
    }
}
