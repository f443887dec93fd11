package io.pactum.server;

import io.pactum.core.registry.IssuedToken;
import io.pactum.core.service.Registry;
import io.pactum.http.HttpApi;
import io.pactum.http.HttpSettings;
import io.pactum.server.config.PactumConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the registry over its database, and the network adapters in front of it.
 * A back end is chosen here, once, from the configuration.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final LocalRegistry local;
    private final Vertx vertx;
    private final HttpServer http;
    private final Optional<IssuedToken> firstAdminToken;

    private Hub(LocalRegistry local, Vertx vertx, HttpServer http, Optional<IssuedToken> firstAdminToken) {
        this.local = local;
        this.vertx = vertx;
        this.http = http;
        this.firstAdminToken = firstAdminToken;
    }

    /** Starts the hub and returns once it serves requests; fails with a message that says what to fix. */
    public static Hub start(PactumConfig config) {
        Objects.requireNonNull(config, "config");
        LocalRegistry local = LocalRegistry.open(config);
        Vertx vertx = Vertx.vertx();
        try {
            Optional<IssuedToken> firstAdminToken = local.registry().bootstrap().ensureOperator();
            HttpSettings settings = new HttpSettings(config.httpHost(), config.httpPort(), config.httpMaxBodyBytes());
            HttpServer http = await(HttpApi.start(vertx, local.registry(), settings, local.database()::isReady),
                    "start the REST API on " + config.httpHost() + ":" + config.httpPort());
            LOG.info("hub started; REST API on {}:{}", config.httpHost(), http.actualPort());
            return new Hub(local, vertx, http, firstAdminToken);
        } catch (RuntimeException e) {
            closeQuietly(vertx);
            local.close();
            throw e;
        }
    }

    public Registry registry() {
        return local.registry();
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** The operator's admin token if this start created it; it exists nowhere else. */
    public Optional<IssuedToken> firstAdminToken() {
        return firstAdminToken;
    }

    @Override
    public void close() {
        try {
            closeQuietly(vertx);
        } finally {
            local.close();
        }
        LOG.info("hub stopped");
    }

    private static void closeQuietly(Vertx vertx) {
        try {
            await(vertx.close(), "stop the network runtime");
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
