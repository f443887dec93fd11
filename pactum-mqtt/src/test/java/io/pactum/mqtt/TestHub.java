package io.pactum.mqtt;

import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.IngestPipeline;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.registry.ImplausibleValuePolicy;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.ingest.MessageIngest;
import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.security.Principal;
import io.pactum.core.security.SecretHasher;
import io.pactum.core.security.TinkSecretBox;
import io.pactum.core.service.Registry;
import io.pactum.core.signal.LoggedSecuritySignals;
import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A real hub for tests: H2 file database, the registry and device authenticator over it, and the
 * MQTT adapter on free loopback ports, registered for device state and product approval changes.
 */
final class TestHub implements AutoCloseable {
    final JdbcDatabase database;
    final Registry registry;
    final LoggedSecuritySignals signals = new LoggedSecuritySignals(10_000);
    final Vertx vertx;
    final MqttAdapter adapter;
    final Principal operator;
    final Product product;

    private TestHub(Path dataDir, MqttSettings settings, Function<TestHub, MessageIngest> ingest)
            throws Exception {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
        SecretHasher hasher = new SecretHasher(SecretHasher.MIN_ITERATIONS);
        Clock clock = Clock.systemUTC();
        registry = Registry.create(database.stores(), hasher,
                TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()), clock);
        registry.bootstrap().ensureOperator();
        operator = registry.bootstrap().localOperator();
        String supplier = registry.organisations().create(operator,
                new NewOrganisation("Acme Sensors", OrganisationRole.SUPPLIER)).id();
        product = approvedProduct(supplier);
        DeviceAuthenticator authenticator = new DeviceAuthenticator(database.stores().devices(),
                database.stores().products(), hasher, signals, clock);
        vertx = Vertx.vertx();
        adapter = await(MqttAdapter.start(vertx, settings, authenticator, ingest.apply(this), signals));
        registry.devices().addStateListener(adapter);
        registry.products().addStateListener(adapter);
    }

    static TestHub start(Path dataDir, MessageIngest ingest) throws Exception {
        return new TestHub(dataDir, MqttSettings.defaults("127.0.0.1", 0), hub -> ingest);
    }

    static TestHub start(Path dataDir, MqttSettings settings, MessageIngest ingest) throws Exception {
        return new TestHub(dataDir, settings, hub -> ingest);
    }

    /** With the ingest path {@code ingest} builds from the hub's stores and registry. */
    static TestHub withIngest(Path dataDir, Function<TestHub, MessageIngest> ingest) throws Exception {
        return new TestHub(dataDir, MqttSettings.defaults("127.0.0.1", 0), ingest);
    }

    /** With the real ingest pipeline and JDBC record store behind the adapter. */
    static TestHub withPipeline(Path dataDir) throws Exception {
        return new TestHub(dataDir, MqttSettings.defaults("127.0.0.1", 0), hub -> new IngestPipeline(
                hub.database.records(), device -> DeviceKeys.mac(hub.registry.devices().macKey(device)),
                hub.signals, Clock.systemUTC()));
    }

    String url() {
        return "tcp://127.0.0.1:" + adapter.actualPort();
    }

    int port() {
        return adapter.actualPort();
    }

    /** The TLS listener, for Paho. */
    String tlsUrl() {
        return "ssl://127.0.0.1:" + adapter.actualTlsPort();
    }

    /** Another approved product of the same supplier. */
    Product anotherProduct(String model) {
        return approvedProduct(product.supplierId(), model);
    }

    private Product approvedProduct(String supplier) {
        return approvedProduct(supplier, "GlucoSense");
    }

    private Product approvedProduct(String supplier, String model) {
        Product created = registry.products().create(operator, new NewProduct(supplier, model, "1.0.0",
                new DataModel(List.of(new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.5, 40.0,
                        DataCategory.HEALTH))),
                // Unprotected JSON keeps these adapter tests independent of COSE.
                PayloadFormat.JSON, null, new IngestPolicy(false, ImplausibleValuePolicy.REJECT, null)));
        return registry.products().decide(operator, created.id(), new ApprovalDecision(ApprovalState.APPROVED, null));
    }

    /** A new active device of the approved product, with its secret. */
    ProvisionedDevice device(String id) {
        return device(id, product, null);
    }

    /** A new active device of {@code ofProduct}, with a client certificate fingerprint if given. */
    ProvisionedDevice device(String id, Product ofProduct, @Nullable String certificateFingerprint) {
        return registry.devices().create(operator,
                new NewDevice(id, ofProduct.id(), null, null, null, certificateFingerprint));
    }

    void suspendProduct() {
        registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.SUSPENDED, "test"));
    }

    void changeState(String deviceId, DeviceState state) {
        registry.devices().changeState(operator, deviceId, new DeviceStateChange(state, "test"));
    }

    List<SecuritySignal> signals(SignalType type, String subject) {
        return signals.recent().stream().filter(s -> s.type() == type && s.subject().equals(subject)).toList();
    }

    @Override
    public void close() {
        try {
            await(adapter.close());
            await(vertx.close());
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test hub", e);
        } finally {
            database.close();
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
