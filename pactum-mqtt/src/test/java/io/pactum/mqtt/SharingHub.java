package io.pactum.mqtt;

import io.pactum.core.audit.LoggedAuditTrail;
import io.pactum.core.ledger.EntrySealer;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.command.CommandService;
import io.pactum.core.command.PartnerCommands;
import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.OutboxStore;
import io.pactum.core.delivery.ReleasePlanner;
import io.pactum.core.ingest.IngestPipeline;
import io.pactum.core.integrity.DeviceKeys;
import io.pactum.core.integrity.HubSigner;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.PrivacyTransformer;
import io.pactum.core.privacy.Pseudonymiser;
import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.ImplausibleValuePolicy;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.NewDataSubject;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.CommandGrant;
import io.pactum.core.sharing.ConsentLedger;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.NewAgreement;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.Purpose;
import io.pactum.core.sharing.SharingService;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link TestHub} with the real sharing chain behind the adapter, as the hub wires it: the ingest
 * pipeline releases each accepted record through the {@link ReleasePlanner} (policy decision point,
 * consent ledger, pseudonymiser, privacy transformer) into the JDBC outbox, whose listener wakes the
 * partner sessions; agreements go through the {@link SharingService}; partner commands through
 * {@link PartnerCommands} and the command service, delivered by the adapter itself.
 */
final class SharingHub implements AutoCloseable {
    final Clock clock = Clock.systemUTC();
    final ConsentLedger ledger = new ConsentLedger();
    final PolicyDecisionPoint decisions = new PolicyDecisionPoint(ledger);
    final Pseudonymiser pseudonymiser = Pseudonymiser.fromKeysetJson(Pseudonymiser.generateKeysetJson());
    final LoggedAuditTrail audit = new LoggedAuditTrail(10_000);
    final ReleasePlanner planner = new ReleasePlanner(decisions, new PrivacyTransformer(pseudonymiser), clock);
    /** Where releases and denials go, in the records' transactions, as in the hub; opened with the database. */
    private Ledger releases;
    final TestHub hub;
    final Outbox outbox;
    final SharingService sharing;
    final CommandService commands;
    final PartnerCommands partnerCommands;
    final KeyPair hubKeys;
    /** A product with a health and a technical field, so that agreements can differ in what they release. */
    final Product product;
    private final java.util.concurrent.atomic.AtomicInteger clients = new java.util.concurrent.atomic.AtomicInteger();

    private SharingHub(Path dataDir, boolean partnersEnabled) throws Exception {
        hub = TestHub.withIngest(dataDir, h -> {
            releases = Ledger.open(h.database.ledger(), EntrySealer.NONE, 64);
            return new IngestPipeline(h.database.recordsAuditedBy(releases),
                    device -> DeviceKeys.mac(h.registry.devices().macKey(device)), h.signals, clock, planner);
        });
        outbox = new Outbox(hub.database.outbox(), decisions, audit, clock);
        planner.useListener(outbox);
        var stores = hub.database.stores();
        sharing = new SharingService(hub.database.agreements(), hub.database.consents(),
                new SharingService.Stores(stores.organisations(), stores.products(), stores.devices(), stores.groups(),
                        stores.subjects()), decisions, ledger, audit, clock);
        sharing.load();
        hubKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        commands = new CommandService(hub.database.commands(), stores.devices(),
                new HubSigner(hubKeys.getPrivate(), hubKeys.getPublic()), clock);
        commands.useDelivery(hub.adapter);
        hub.adapter.useCommandResponses(commands::recordResponse);
        partnerCommands = new PartnerCommands(commands, stores.devices(), stores.groups(), decisions, pseudonymiser,
                hub.signals, audit, clock);
        if (partnersEnabled) {
            hub.adapter.usePartners(new PartnerAccess(hub.registry.authenticator(), outbox, partnerCommands));
        }
        Product created = hub.registry.products().create(hub.operator, new NewProduct(hub.product.supplierId(),
                "GlucoSense Pro", "2.0.0", new DataModel(List.of(
                        new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.5, 40.0, DataCategory.HEALTH),
                        new FieldSpec("battery", FieldType.NUMBER, "%", 0.0, 100.0, DataCategory.TECHNICAL))),
                PayloadFormat.JSON, null, new IngestPolicy(false, ImplausibleValuePolicy.REJECT, null)));
        product = hub.registry.products().decide(hub.operator, created.id(),
                new ApprovalDecision(ApprovalState.APPROVED, null));
    }

    static SharingHub start(Path dataDir) throws Exception {
        return new SharingHub(dataDir, true);
    }

    /** Without {@link MqttAdapter#usePartners}: partners are not let in. */
    static SharingHub withoutPartners(Path dataDir) throws Exception {
        return new SharingHub(dataDir, false);
    }

    String url() {
        return hub.url();
    }

    /** A new organisation with the role. */
    String organisation(String name, OrganisationRole role) {
        return hub.registry.organisations().create(hub.operator, new NewOrganisation(name, role)).id();
    }

    /** A new API client of the organisation, with its bearer token. */
    IssuedToken client(String organisationId, Scope... scopes) {
        return hub.registry.clients().create(hub.operator, organisationId,
                new NewApiClient("mqtt consumer " + clients.incrementAndGet(), null, Set.of(scopes), null));
    }

    /** A new active device of {@link #product} with a data subject. */
    ProvisionedDevice device(String id) {
        String subject = hub.registry.subjects().create(hub.operator, new NewDataSubject("subj-" + id)).id();
        return hub.registry.devices().create(hub.operator, new NewDevice(id, product.id(), null, subject, null, null));
    }

    /** An active agreement (contract basis) over {@link #product}. */
    Agreement agreement(String recipientId, Map<String, FieldTransform> fields, CommandGrant... commands) {
        return sharing.create(hub.operator, new NewAgreement(recipientId, Set.of(product.id()), Set.of(), fields,
                Purpose.HEALTHCARE, LegalBasis.CONTRACT, null, null, NewAgreement.DEFAULT_RATE_PER_MINUTE, null,
                List.of(commands)));
    }

    /** The recipient's pseudonym of a device, as its records and commands carry it. */
    String pseudonym(String recipientId, String deviceId) {
        return pseudonymiser.pseudonym(recipientId, deviceId);
    }

    OutboxStore outboxStore() {
        return hub.database.outbox();
    }

    /** The event ids in the recipient's outbox after {@code after}. */
    List<Long> eventIds(String recipientId, long after) {
        return outboxStore().readAfter(recipientId, after, Outbox.MAX_BATCH).stream().map(Delivery::eventId).toList();
    }

    long cursor(String recipientId, String clientId) {
        return outboxStore().cursor(recipientId, "mqtt:" + clientId);
    }

    @Override
    public void close() {
        try {
            if (releases != null) {
                releases.close();
            }
        } finally {
            hub.close();
        }
    }
}
