package io.pactum.http.routes;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.IncidentQuery;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.Severity;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/v1/incidents}: {@code status}, {@code severity}, {@code since}
 * (RFC 3339), {@code offset} and {@code limit}. Each bad value is refused naming its parameter.
 */
final class IncidentFilters {
    static final int DEFAULT_LIMIT = 50;
    /** Below the store's largest page, so that one more than asked for can tell whether a next page exists. */
    static final int MAX_LIMIT = IncidentQuery.MAX_LIMIT - 1;

    private IncidentFilters() {}

    /** The query for the page asked for, fetching one incident more than {@code limit(ctx)}. */
    static IncidentQuery oneMoreThanAsked(RoutingContext ctx) {
        return new IncidentQuery(named(ctx, "status", IncidentStatus.class), named(ctx, "severity", Severity.class),
                since(ctx), offset(ctx), limit(ctx) + 1);
    }

    static int offset(RoutingContext ctx) {
        int offset = Queries.integer(ctx, "offset", 0);
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must be 0 or more");
        }
        return offset;
    }

    static int limit(RoutingContext ctx) {
        int limit = Queries.integer(ctx, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static <E extends Enum<E>> @Nullable E named(RoutingContext ctx, String name, Class<E> type) {
        @Nullable String raw = ctx.queryParams().get(name);
        if (raw == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(raw.strip())) {
                return value;
            }
        }
        throw new InvalidInputException(name, name + " must be one of: " + Arrays.stream(type.getEnumConstants())
                .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    private static @Nullable Instant since(RoutingContext ctx) {
        @Nullable String raw = ctx.queryParams().get("since");
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "since must be an RFC 3339 date-time with offset, e.g. "
                    + "2030-01-01T00:00:00Z");
        }
    }
}
