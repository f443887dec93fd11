package io.pactum.http;

import java.util.Objects;

/**
 * Where the REST API listens and how large a request body may be.
 *
 * @param host         interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port         TCP port; 0 picks a free one (see {@code HttpServer.actualPort()})
 * @param maxBodyBytes largest request body accepted; larger ones get 413 and are not processed
 */
public record HttpSettings(String host, int port, int maxBodyBytes) {
    /** Generous for registry requests (a 256-field data model is about 40 KiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    public static final int MAX_MAX_BODY_BYTES = 64 * 1024 * 1024;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must name an interface to bind, e.g. 0.0.0.0 or 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535 (0 picks a free port), was " + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be 1-" + MAX_MAX_BODY_BYTES + ", was " + maxBodyBytes);
        }
    }

    public static HttpSettings defaults(String host, int port) {
        return new HttpSettings(host, port, DEFAULT_MAX_BODY_BYTES);
    }
}
