package io.pactum.server;

import io.pactum.core.command.CommandService;
import io.pactum.core.incident.IncidentResponse;
import io.pactum.core.incident.IncidentService;
import io.pactum.core.ingest.RecordQueries;
import io.pactum.core.ingest.RetentionSweep;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.service.Registry;
import io.pactum.http.ApiServices;
import io.pactum.http.DeviceIngestion;
import io.pactum.http.DeviceServices;
import io.pactum.http.HttpApi;
import io.pactum.http.HttpSettings;
import io.pactum.http.IncidentServices;
import io.pactum.http.LedgerServices;
import io.pactum.http.SharingServices;
import io.pactum.http.webhook.WebhookCounters;
import io.pactum.http.webhook.WebhookDispatcher;
import io.pactum.http.webhook.WebhookSettings;
import io.pactum.mqtt.MqttAdapter;
import io.pactum.mqtt.MqttSettings;
import io.pactum.mqtt.PartnerAccess;
import io.pactum.mqtt.TlsSettings;
import io.pactum.server.config.MqttConfig;
import io.pactum.server.config.PactumConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the registry over its database, the device gateway, and the network
 * adapters in front of them, all on one Vert.x runtime. A back end is chosen here, once, from the
 * configuration.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final LocalRegistry local;
    private final DeviceGateway gateway;
    private final SharingHub sharing;
    private final HubDetection detection;
    private final Vertx vertx;
    private final HttpServer http;
    private final MqttAdapter mqtt;
    private final WebhookDispatcher webhooks;
    private final Optional<TlsCertificate> mqttCertificate;
    private final Optional<IssuedToken> firstAdminToken;

    private Hub(LocalRegistry local, DeviceGateway gateway, SharingHub sharing, HubDetection detection, Vertx vertx,
            HttpServer http, MqttAdapter mqtt, WebhookDispatcher webhooks, Optional<TlsCertificate> mqttCertificate,
            Optional<IssuedToken> firstAdminToken) {
        this.local = local;
        this.gateway = gateway;
        this.sharing = sharing;
        this.detection = detection;
        this.vertx = vertx;
        this.http = http;
        this.mqtt = mqtt;
        this.webhooks = webhooks;
        this.mqttCertificate = mqttCertificate;
        this.firstAdminToken = firstAdminToken;
    }

    /** Starts the hub and returns once it serves requests; fails with a message that says what to fix. */
    public static Hub start(PactumConfig config) {
        Objects.requireNonNull(config, "config");
        LocalRegistry local = LocalRegistry.open(config);
        Vertx vertx = Vertx.vertx();
        try {
            Optional<IssuedToken> firstAdminToken = local.registry().bootstrap().ensureOperator();
            SharingHub sharingHub = SharingHub.decide(local);
            HubDetection detection = HubDetection.create(local, sharingHub.sharing, config.incidents());
            DeviceGateway gateway = DeviceGateway.create(local, sharingHub.planner, detection);
            HttpSettings httpSettings = new HttpSettings(config.httpHost(), config.httpPort(), config.httpMaxBodyBytes());
            DeviceIngestion ingestion = new DeviceIngestion(gateway.authenticator(), gateway.ingest(), local.clock());
            CommandService commands = new CommandService(local.database().commands(),
                    local.database().stores().devices(), local.hubSigner(), local.clock(), local.ledger());
            DeviceServices devices = new DeviceServices(commands,
                    new RecordQueries(gateway.records(), local.database().stores().devices()));
            SharingHub.RecipientServices recipients = sharingHub.deliver(local, gateway.signals(), commands, config.sharing());
            HttpServer http = await(HttpApi.start(vertx, local.registry(), httpSettings, local.database()::isReady,
                    ApiServices.registryOnly()
                            .withIngestion(ingestion)
                            .withDevices(devices)
                            .withSharing(new SharingServices(sharingHub.sharing, recipients.deliveries(),
                                    recipients.partnerCommands()))
                            .withLedger(new LedgerServices(local.ledger(), local.checkpoints()))
                            .withIncidents(new IncidentServices(detection.incidents(), detection.response()))
                            .withSignals(gateway.signals(), local.clock())),
                    "start the REST API on " + config.httpHost() + ":" + config.httpPort());
            MqttConfig mqttConfig = config.mqtt();
            Optional<TlsCertificate> certificate = mqttCertificate(config);
            MqttAdapter mqtt = await(MqttAdapter.start(vertx, mqttSettings(mqttConfig, certificate.orElse(null)),
                    gateway.authenticator(), gateway.ingest(), gateway.signals()), "start the MQTT adapter on "
                    + mqttConfig.host() + " (pactum.mqtt.port " + mqttConfig.port() + ", pactum.mqtt.tls-port "
                    + mqttConfig.tlsPort() + ")");
            commands.useDelivery(mqtt);
            mqtt.useObservations(detection.observations());
            detection.usePartnerSessions(mqtt::disconnectPartner);
            mqtt.useCommandResponses((deviceId, commandId, payload) ->
                    commands.recordResponse(deviceId, commandId, payload));
            mqtt.usePartners(new PartnerAccess(local.registry().authenticator(), recipients.outbox(),
                    recipients.partnerCommands()));
            local.registry().devices().addStateListener(mqtt);
            local.registry().products().addStateListener(mqtt);
            WebhookDispatcher webhooks = await(WebhookDispatcher.start(vertx, recipients.deliveries(),
                    local.database().webhooks(), recipients.outbox(), local.clock(),
                    WebhookSettings.DEFAULTS.withMaxAttempts(config.sharing().webhookMaxAttempts())),
                    "start webhook delivery");
            scheduleRetention(vertx, local, Duration.ofMinutes(config.retentionIntervalMinutes()),
                    Duration.ofHours(config.sharing().outboxRetentionHours()));
            detection.startTicking(vertx, local.clock());
            scheduleCheckpoints(vertx, local.checkpoints(), Duration.ofSeconds(config.ledger().checkpointIntervalSeconds()));
            LOG.info("hub started; REST API on {}:{}, MQTT on {} port {} and TLS port {}", config.httpHost(),
                    http.actualPort(), mqttConfig.host(), mqtt.actualPort(), mqtt.actualTlsPort());
            return new Hub(local, gateway, sharingHub, detection, vertx, http, mqtt, webhooks, certificate, firstAdminToken);
        } catch (RuntimeException e) {
            closeQuietly(vertx);
            local.close();
            throw e;
        }
    }

    public Registry registry() {
        return local.registry();
    }

    public DeviceGateway gateway() {
        return gateway;
    }

    /** The audit ledger. */
    public Ledger ledger() {
        return local.ledger();
    }

    /** Incidents opened by detection, and their handling. */
    public IncidentService incidents() {
        return detection.incidents();
    }

    /** Containment: the playbooks' actions, and the operator's taking and reversing of them. */
    public IncidentResponse incidentResponse() {
        return detection.response();
    }

    /**
     * The pseudonym under which {@code recipientId} knows an id (a device's or a data subject's): what
     * the operator, who holds the key, needs to connect a recipient's report to its subject.
     */
    public String recipientPseudonym(String recipientId, String id) {
        return local.pseudonymiser().pseudonym(recipientId, id);
    }

    /** Signs the ledger's checkpoints. */
    public LedgerCheckpoints checkpoints() {
        return local.checkpoints();
    }

    /** What webhook delivery did since the start. */
    public WebhookCounters webhookCounters() {
        return webhooks.counters();
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** The plain MQTT port, or -1 when plain MQTT is off. */
    public int mqttPort() {
        return mqtt.actualPort();
    }

    /** The MQTT-over-TLS port, or -1 when TLS is off. */
    public int mqttTlsPort() {
        return mqtt.actualTlsPort();
    }

    /** The certificate of the MQTT TLS listener, configured or generated; empty when TLS is off. */
    public Optional<TlsCertificate> mqttCertificate() {
        return mqttCertificate;
    }

    /** The operator's admin token if this start created it; it exists nowhere else. */
    public Optional<IssuedToken> firstAdminToken() {
        return firstAdminToken;
    }

    @Override
    public void close() {
        try {
            await(webhooks.close(), "stop webhook delivery");
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
        }
        try {
            closeQuietly(vertx);
            gateway.close();
            detection.close();
        } finally {
            local.close();
        }
        LOG.info("hub stopped");
    }

    /** The configured certificate, or the generated one when none is configured; empty when TLS is off. */
    private static Optional<TlsCertificate> mqttCertificate(PactumConfig config) {
        MqttConfig mqtt = config.mqtt();
        if (!mqtt.tlsEnabled()) {
            return Optional.empty();
        }
        return Optional.of(mqtt.tlsCertificate()
                .map(certificate -> TlsCertificate.configured(certificate, mqtt.tlsKey().orElseThrow()))
                .orElseGet(() -> DemoCertificate.ensure(config.generatedTlsDir(), Clock.systemUTC())));
    }

    private static MqttSettings mqttSettings(MqttConfig config, @Nullable TlsCertificate certificate) {
        TlsSettings tls = certificate == null ? null : new TlsSettings(config.tlsPort(), certificate.certificate(),
                certificate.privateKey(), config.tlsClientCa().orElse(null));
        return new MqttSettings(config.host(), config.plainEnabled() ? config.port() : MqttSettings.DISABLED,
                config.maxMessageBytes(), config.maxKeepAliveSeconds(), tls);
    }

    /** Deletes expired records and outbox entries now and then at the interval, off the event loop. */
    private static void scheduleRetention(Vertx vertx, LocalRegistry local, Duration interval, Duration outboxRetention) {
        RetentionSweep sweep = new RetentionSweep(local.database().stores().products(), local.database().records(),
                local.clock());
        Runnable run = () -> vertx.executeBlocking(() -> {
                    sweep.run();
                    return local.database().outbox().deleteCreatedBefore(local.clock().instant().minus(outboxRetention));
                }, false)
                .onFailure(e -> LOG.warn("retention sweep failed: {}", e.toString()));
        run.run();
        vertx.setPeriodic(interval.toMillis(), id -> run.run());
    }

    /** Signs a ledger checkpoint at the interval whenever the ledger grew, off the event loop. */
    private static void scheduleCheckpoints(Vertx vertx, LedgerCheckpoints checkpoints, Duration interval) {
        vertx.setPeriodic(interval.toMillis(), id -> vertx.executeBlocking(checkpoints::checkpointIfGrown, false)
                .onFailure(e -> LOG.warn("could not sign a ledger checkpoint: {}", e.toString())));
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
