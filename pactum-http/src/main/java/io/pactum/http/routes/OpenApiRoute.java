package io.pactum.http.routes;

import io.pactum.http.ApiRouter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-written OpenAPI document kept beside the code; public, like any API description. */
public final class OpenApiRoute {
    public static final String RESOURCE = "/io/pactum/http/openapi.json";

    private final Buffer document = Buffer.buffer(load());

    public void mount(Router router) {
        router.get(ApiRouter.API_PREFIX + "/openapi.json").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(document));
    }

    public static byte[] load() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
