package io.pactum.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.error.InvalidInputException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Decodes request bodies into core's request records, which validate themselves. */
public final class JsonBodies {
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * The body as the given request record.
     *
     * @throws InvalidInputException    if the body is empty, not valid JSON, or refused by the record
     * @throws RequestRefusedException  (415) if the body is not declared as JSON
     */
    public <T> T read(RoutingContext ctx, Class<T> type) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new InvalidInputException(null, "a JSON body is required");
        }
        if (!isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            throw RequestRefusedException.unsupportedMediaType();
        }
        try {
            T value = mapper.readValue(body.getBytes(), type);
            if (value == null) {
                throw new InvalidInputException(null, "the body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toInvalidInput(e);
        } catch (IOException e) {
            // Reading from a byte array fails only on content, never on I/O.
            throw new InvalidInputException(null, "the body is not valid JSON");
        }
    }

    /**
     * The body as the given request record, or {@code absent} when the request has no body at all
     * (for requests whose every member is optional).
     */
    public <T> T readOptional(RoutingContext ctx, Class<T> type, T absent) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return absent;
        }
        return read(ctx, type);
    }

    /** {@code application/json} or any {@code application/*+json}, parameters such as charset allowed. */
    static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }
}
