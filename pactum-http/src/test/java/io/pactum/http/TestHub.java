package io.pactum.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.audit.LoggedAuditTrail;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.ledger.checkpoint.NoteSigner;
import io.pactum.core.command.CommandService;
import io.pactum.core.command.PartnerCommands;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.ReleasePlanner;
import io.pactum.core.delivery.WebhookPolicy;
import io.pactum.core.incident.Detection;
import io.pactum.core.incident.IncidentQuery;
import io.pactum.core.incident.IncidentResponse;
import io.pactum.core.incident.IncidentService;
import io.pactum.core.incident.Playbooks;
import io.pactum.core.incident.Severity;
import io.pactum.core.ingest.DeviceAuthenticator;
import io.pactum.core.ingest.IngestPipeline;
import io.pactum.core.ingest.RecordQueries;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.integrity.HubSigner;
import io.pactum.core.privacy.PrivacyTransformer;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.security.Principal;
import io.pactum.core.security.SecretBox;
import io.pactum.core.security.SecretHasher;
import io.pactum.core.security.TinkSecretBox;
import io.pactum.core.service.Registry;
import io.pactum.core.sharing.ConsentLedger;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.SharingService;
import io.pactum.core.signal.LoggedSecuritySignals;
import io.pactum.http.support.Json;
import io.pactum.http.views.AgreementView;
import io.pactum.http.views.ClientView;
import io.pactum.http.views.CommandView;
import io.pactum.http.views.ConsentReceiptView;
import io.pactum.http.views.DataSubjectView;
import io.pactum.http.views.DeadLetterView;
import io.pactum.http.views.DeviceGroupView;
import io.pactum.http.views.DeviceView;
import io.pactum.http.views.IncidentView;
import io.pactum.http.views.LedgerCheckpointView;
import io.pactum.http.views.OrganisationView;
import io.pactum.http.views.ProductView;
import io.pactum.http.views.TimelineEntryView;
import io.pactum.http.views.WebhookView;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real hub for tests: an H2 file database, the registry over it, sharing (policy decision point,
 * consent ledger, outbox, webhooks, partner commands) wired as the server wires it, and the REST API
 * on a free port of the loopback interface. What the API serves depends on how it was started:
 * the registry only ({@link #start}), plus device ingest, commands and records
 * ({@link #withDeviceIngest}), or everything including sharing, the audit ledger, incidents and the
 * security signals of partners' refused requests ({@link #withSharing}).
 */
final class TestHub implements AutoCloseable {
    /** What the API serves. */
    enum Serves { REGISTRY, DEVICE_INGEST, EVERYTHING }

    final TestClock clock = new TestClock();
    final JdbcDatabase database;
    final Registry registry;
    final LoggedSecuritySignals signals = new LoggedSecuritySignals(10_000);
    final LoggedAuditTrail audit = new LoggedAuditTrail(10_000);
    /** Where releases and denials go, in the records' transactions, as in the hub. */
    final Ledger auditLedger;
    final Pseudonymiser pseudonymiser = Pseudonymiser.fromKeysetJson(Pseudonymiser.generateKeysetJson());
    final SecretBox secretBox = TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson());
    final PolicyDecisionPoint decisions;
    final DeviceIngestion ingestion;
    final CommandService commands;
    final DeviceServices devices;
    final SharingServices sharing;
    /** Signs the audit ledger's checkpoints with a key of its own, as the hub's key does in the server. */
    final LedgerCheckpoints checkpoints;
    final LedgerServices ledgerServices;
    /** Incidents over the JDBC store, recorded in the audit ledger, with one response action of the test's own. */
    final IncidentService incidents;
    final FlagDeviceAction flagDevice = new FlagDeviceAction();
    final IncidentResponse incidentResponse;
    /** Every service, as a hub with everything serves them: what {@link Serves#EVERYTHING} starts the API with. */
    final ApiServices everything;
    final Vertx vertx;
    final HttpServer server;
    final String operatorToken;
    final Api api;
    private final ObjectMapper json = Json.mapper();

    private TestHub(Path dataDir, int maxBodyBytes, Serves serves) throws Exception {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
        SecretHasher hasher = new SecretHasher(SecretHasher.MIN_ITERATIONS);
        registry = Registry.create(database.stores(), hasher, secretBox, clock);

        ConsentLedger ledger = new ConsentLedger();
        decisions = new PolicyDecisionPoint(ledger);
        SharingService agreements = new SharingService(database.agreements(), database.consents(),
                new SharingService.Stores(database.stores().organisations(), database.stores().products(),
                        database.stores().devices(), database.stores().groups(), database.stores().subjects()),
                decisions, ledger, audit, clock);
        agreements.load();
        registry.groups().addChangeListener(agreements::recompile);
        Outbox outbox = new Outbox(database.outbox(), decisions, audit, clock);
        ReleasePlanner planner = new ReleasePlanner(decisions, new PrivacyTransformer(pseudonymiser), clock);
        auditLedger = Ledger.open(database.ledger(), EntrySealer.NONE, 64);
        planner.useListener(outbox);

        ingestion = new DeviceIngestion(
                new DeviceAuthenticator(database.stores().devices(), database.stores().products(), hasher, signals, clock),
                new IngestPipeline(database.recordsAuditedBy(auditLedger), device -> DeviceKeys.mac(registry.devices().macKey(device)),
                        signals, clock, planner),
                clock);
        KeyPair hubKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        commands = new CommandService(database.commands(), database.stores().devices(),
                new HubSigner(hubKey.getPrivate(), hubKey.getPublic()), clock);
        devices = new DeviceServices(commands, new RecordQueries(database.records(), database.stores().devices()));
        sharing = new SharingServices(agreements,
                new DeliveryService(outbox, database.webhooks(), secretBox, WebhookPolicy.STRICT, clock),
                new PartnerCommands(commands, database.stores().devices(), database.stores().groups(), decisions,
                        pseudonymiser, signals, audit, clock));

        KeyPair ledgerKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        checkpoints = new LedgerCheckpoints(auditLedger,
                new NoteSigner("pactum.test/ledger", ledgerKey.getPrivate(), ledgerKey.getPublic()), clock);
        ledgerServices = new LedgerServices(auditLedger, checkpoints);
        incidents = new IncidentService(database.incidents(), auditLedger, clock);
        incidentResponse = new IncidentResponse(incidents, List.of(flagDevice), Playbooks.none());
        everything = ApiServices.registryOnly().withIngestion(ingestion).withDevices(devices).withSharing(sharing)
                .withLedger(ledgerServices).withIncidents(new IncidentServices(incidents, incidentResponse))
                .withSignals(signals, clock);

        operatorToken = registry.bootstrap().ensureOperator().orElseThrow().token();
        vertx = Vertx.vertx();
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, maxBodyBytes);
        server = (switch (serves) {
            case REGISTRY -> HttpApi.start(vertx, registry, settings, database::isReady);
            case DEVICE_INGEST -> HttpApi.start(vertx, registry, settings, database::isReady, ingestion, devices);
            case EVERYTHING -> HttpApi.start(vertx, registry, settings, database::isReady, everything);
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        api = new Api("http://127.0.0.1:" + server.actualPort());
    }

    static TestHub start(Path dataDir) throws Exception {
        return new TestHub(dataDir, HttpSettings.DEFAULT_MAX_BODY_BYTES, Serves.REGISTRY);
    }

    static TestHub start(Path dataDir, int maxBodyBytes) throws Exception {
        return new TestHub(dataDir, maxBodyBytes, Serves.REGISTRY);
    }

    /** A hub whose API also serves HTTP device ingest, commands and records. */
    static TestHub withDeviceIngest(Path dataDir, int maxBodyBytes) throws Exception {
        return new TestHub(dataDir, maxBodyBytes, Serves.DEVICE_INGEST);
    }

    /** A hub whose API serves every route: device ingest, commands, records, sharing and the audit ledger. */
    static TestHub withSharing(Path dataDir) throws Exception {
        return withSharing(dataDir, HttpSettings.DEFAULT_MAX_BODY_BYTES);
    }

    static TestHub withSharing(Path dataDir, int maxBodyBytes) throws Exception {
        return new TestHub(dataDir, maxBodyBytes, Serves.EVERYTHING);
    }

    Principal operator() {
        return registry.bootstrap().localOperator();
    }

    /**
     * Opens an incident as the hub's detectors do, about {@code subject} (a fresh subject opens a fresh
     * incident) and affecting {@code deviceIds}; returns its id.
     */
    String raiseIncident(String subject, Severity severity, String... deviceIds) {
        return incidents.raise(new Detection("test-detector", subject, "test detection on " + subject, severity,
                clock.instant(), Set.of(deviceIds), Set.of(), Set.of(), List.of())).incident().id();
    }

    /** The pseudonym a recipient knows a device by, as its deliveries name it. */
    String pseudonym(String recipientId, String deviceId) {
        return pseudonymiser.pseudonym(recipientId, deviceId);
    }

    /**
     * Everything the hub holds, read straight from the services as the operator: equal snapshots
     * before and after a request mean the request changed nothing.
     */
    String snapshot() throws Exception {
        Principal operator = operator();
        Map<String, Object> all = new LinkedHashMap<>();
        var organisations = registry.organisations().list(operator);
        all.put("organisations", organisations.stream().map(OrganisationView::of).toList());
        for (var organisation : organisations) {
            all.put("clients of " + organisation.id(),
                    registry.clients().list(operator, organisation.id()).stream().map(ClientView::of).toList());
        }
        all.put("products", registry.products().list(operator).stream().map(ProductView::of).toList());
        var allDevices = registry.devices().list(operator);
        all.put("devices", allDevices.stream().map(DeviceView::of).toList());
        for (var device : allDevices) {
            all.put("commands to " + device.id(),
                    commands.list(operator, device.id(), 500).stream().map(CommandView::of).toList());
        }
        var subjects = registry.subjects().list(operator);
        all.put("subjects", subjects.stream().map(DataSubjectView::of).toList());
        for (var subject : subjects) {
            all.put("consents of " + subject.id(),
                    sharing.sharing().consents(operator, subject.id()).stream().map(ConsentReceiptView::of).toList());
        }
        all.put("groups", registry.groups().list(operator).stream().map(DeviceGroupView::of).toList());
        all.put("agreements", sharing.sharing().list(operator).stream().map(AgreementView::of).toList());
        var webhooks = sharing.deliveries().webhooks(operator);
        all.put("webhooks", webhooks.stream().map(WebhookView::of).toList());
        for (var webhook : webhooks) {
            all.put("dead letters of " + webhook.id(), sharing.deliveries().deadLetters(operator, webhook.id(), 1000)
                    .stream().map(DeadLetterView::of).toList());
        }
        var allIncidents = incidents.list(operator, IncidentQuery.first(IncidentQuery.MAX_LIMIT));
        all.put("incidents", allIncidents.stream().map(IncidentView::of).toList());
        for (var incident : allIncidents) {
            all.put("timeline of " + incident.id(),
                    incidents.timeline(operator, incident.id()).stream().map(TimelineEntryView::of).toList());
        }
        all.put("flagged devices", flagDevice.done());
        all.put("ledger checkpoints", auditLedger.store().checkpoints().stream().map(LedgerCheckpointView::of).toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    }

    @Override
    public void close() {
        try {
            await(server.close());
            await(vertx.close());
        } finally {
            auditLedger.close();
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
