package io.pactum.http.routes;

import io.pactum.core.error.InvalidInputException;
import io.vertx.ext.web.RoutingContext;

/** Query parameters as numbers; a value that is not one is refused naming the parameter. Ranges are the services' to check. */
final class Queries {
    private Queries() {}

    static int integer(RoutingContext ctx, String name, int absent) {
        String raw = ctx.queryParams().get(name);
        if (raw == null) {
            return absent;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be an integer");
        }
    }

    static long eventId(RoutingContext ctx, String name, long absent) {
        String raw = ctx.queryParams().get(name);
        return raw == null ? absent : eventId(name, raw);
    }

    /** A position in an outbox: an event id, or 0 for the beginning. */
    static long eventId(String name, String raw) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(name, name + " must be an event id (an integer, 0 or more)");
    }
}
