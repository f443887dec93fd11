package io.pactum.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.command.CommandService;
import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.RecordQueries;
import io.pactum.core.integrity.HubSigner;
import io.pactum.core.ingest.IngestPipeline;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.security.Principal;
import io.pactum.core.security.SecretHasher;
import io.pactum.core.security.TinkSecretBox;
import io.pactum.core.service.Registry;
import io.pactum.core.signal.LoggedSecuritySignals;
import io.pactum.http.support.Json;
import io.pactum.http.views.ClientView;
import io.pactum.http.views.DataSubjectView;
import io.pactum.http.views.DeviceGroupView;
import io.pactum.http.views.DeviceView;
import io.pactum.http.views.OrganisationView;
import io.pactum.http.views.ProductView;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real hub for tests: an H2 file database, the registry over it, and the REST API on a free port
 * of the loopback interface. Device authentication and the ingest pipeline are wired as the server
 * wires them; the API serves the ingest routes only when started {@link #withDeviceIngest}.
 */
final class TestHub implements AutoCloseable {
    final TestClock clock = new TestClock();
    final JdbcDatabase database;
    final Registry registry;
    final LoggedSecuritySignals signals = new LoggedSecuritySignals(10_000);
    final DeviceIngestion ingestion;
    final CommandService commands;
    final DeviceServices devices;
    final Vertx vertx;
    final HttpServer server;
    final String operatorToken;
    final Api api;
    private final ObjectMapper json = Json.mapper();

    private TestHub(Path dataDir, int maxBodyBytes, boolean serveDeviceIngest) throws Exception {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
        SecretHasher hasher = new SecretHasher(SecretHasher.MIN_ITERATIONS);
        registry = Registry.create(database.stores(), hasher,
                TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()), clock);
        ingestion = new DeviceIngestion(
                new DeviceAuthenticator(database.stores().devices(), database.stores().products(), hasher, signals, clock),
                new IngestPipeline(database.records(), device -> DeviceKeys.mac(registry.devices().macKey(device)),
                        signals, clock),
                clock);
        KeyPair hubKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        commands = new CommandService(database.commands(), database.stores().devices(),
                new HubSigner(hubKey.getPrivate(), hubKey.getPublic()), clock);
        devices = new DeviceServices(commands, new RecordQueries(database.records(), database.stores().devices()));
        operatorToken = registry.bootstrap().ensureOperator().orElseThrow().token();
        vertx = Vertx.vertx();
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, maxBodyBytes);
        server = (serveDeviceIngest
                ? HttpApi.start(vertx, registry, settings, database::isReady, ingestion, devices)
                : HttpApi.start(vertx, registry, settings, database::isReady))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        api = new Api("http://127.0.0.1:" + server.actualPort());
    }

    static TestHub start(Path dataDir) throws Exception {
        return new TestHub(dataDir, HttpSettings.DEFAULT_MAX_BODY_BYTES, false);
    }

    static TestHub start(Path dataDir, int maxBodyBytes) throws Exception {
        return new TestHub(dataDir, maxBodyBytes, false);
    }

    /** A hub whose API also serves HTTP device ingest. */
    static TestHub withDeviceIngest(Path dataDir, int maxBodyBytes) throws Exception {
        return new TestHub(dataDir, maxBodyBytes, true);
    }

    /**
     * Everything the registry holds, read straight from the services as the operator: equal
     * snapshots before and after a request mean the request changed nothing.
     */
    String snapshot() throws Exception {
        Principal operator = registry.bootstrap().localOperator();
        Map<String, Object> all = new LinkedHashMap<>();
        var organisations = registry.organisations().list(operator);
        all.put("organisations", organisations.stream().map(OrganisationView::of).toList());
        for (var organisation : organisations) {
            all.put("clients of " + organisation.id(),
                    registry.clients().list(operator, organisation.id()).stream().map(ClientView::of).toList());
        }
        all.put("products", registry.products().list(operator).stream().map(ProductView::of).toList());
        all.put("devices", registry.devices().list(operator).stream().map(DeviceView::of).toList());
        all.put("subjects", registry.subjects().list(operator).stream().map(DataSubjectView::of).toList());
        all.put("groups", registry.groups().list(operator).stream().map(DeviceGroupView::of).toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    }

    @Override
    public void close() {
        try {
            await(server.close());
            await(vertx.close());
        } finally {
            database.close();
        }
    }

    private static void await(io.vertx.core.Future<Void> closing) {
        try {
            closing.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not stop the test hub", e);
        }
    }
}
