package io.pactum.server;

import io.pactum.core.command.CommandService;
import io.pactum.core.command.PartnerCommands;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.ReleasePlanner;
import io.pactum.core.delivery.WebhookPolicy;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.privacy.PrivacyTransformer;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.ConsentLedger;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.SharingService;
import io.pactum.core.signal.SecuritySignals;
import io.pactum.server.config.SharingConfig;
import io.pactum.server.respond.DeviceHolds;
import io.pactum.storage.jdbc.JdbcDatabase;

/**
 * The sharing side of the hub, built in two steps because the ingest pipeline needs the planner and
 * partner commands need the gateway's signals: {@link #decide} builds what decides and releases
 * (agreements, consent, the policy decision point, the release planner), {@link #deliver} what
 * delivers (the outboxes, webhooks, partner commands).
 */
final class SharingHub {
    final PolicyDecisionPoint decisions;
    final SharingService sharing;
    final ReleasePlanner planner;

    private SharingHub(PolicyDecisionPoint decisions, SharingService sharing, ReleasePlanner planner) {
        this.decisions = decisions;
        this.sharing = sharing;
        this.planner = planner;
    }

    /** What recipients use once the planner exists: their outboxes, webhooks and partner commands. */
    record RecipientServices(Outbox outbox, DeliveryService deliveries, PartnerCommands partnerCommands) {}

    /** Loads agreements and consent and compiles them; recompiles whenever a device group changes. */
    static SharingHub decide(LocalRegistry local) {
        JdbcDatabase database = local.database();
        RegistryStores stores = database.stores();
        Ledger audit = local.ledger();
        ConsentLedger consents = new ConsentLedger();
        PolicyDecisionPoint decisions = new PolicyDecisionPoint(consents);
        SharingService sharing = new SharingService(database.agreements(), database.consents(),
                new SharingService.Stores(stores.organisations(), stores.products(), stores.devices(), stores.groups(),
                        stores.subjects()), decisions, consents, audit, local.clock());
        sharing.load();
        local.registry().groups().addChangeListener(sharing::recompile);
        ReleasePlanner planner = new ReleasePlanner(decisions, new PrivacyTransformer(local.pseudonymiser()),
                local.clock());
        return new SharingHub(decisions, sharing, planner);
    }

    RecipientServices deliver(LocalRegistry local, SecuritySignals signals, CommandService commands, SharingConfig config) {
        JdbcDatabase database = local.database();
        DeviceHolds held = DeviceHolds.loadFrom(database.stores().devices());
        local.registry().devices().addStateListener(held);
        Outbox outbox = new Outbox(database.outbox(), decisions, local.ledger(), local.clock(), held);
        planner.useListener(outbox);
        DeliveryService deliveries = new DeliveryService(outbox, database.webhooks(), local.secretBox(),
                new WebhookPolicy(config.webhookAllowPlainHttp(), config.webhookAllowPrivateAddresses()), local.clock());
        PartnerCommands partnerCommands = new PartnerCommands(commands, database.stores().devices(),
                database.stores().groups(), decisions, local.pseudonymiser(), signals, local.ledger(), local.clock());
        return new RecipientServices(outbox, deliveries, partnerCommands);
    }
}
