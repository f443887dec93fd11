package io.pactum.http.webhook;

import io.pactum.core.audit.LoggedAuditTrail;
import io.pactum.core.delivery.DeliveryService;
import io.pactum.core.delivery.IssuedWebhook;
import io.pactum.core.delivery.NewWebhook;
import io.pactum.core.delivery.Outbox;
import io.pactum.core.delivery.OutboxEntry;
import io.pactum.core.delivery.WebhookPolicy;
import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.ingest.RecordStore;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.Device;
import io.pactum.core.registry.DeviceCredentials;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.security.SecretBox;
import io.pactum.core.security.TinkSecretBox;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.ConsentLedger;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.PolicyDecisionPoint;
import io.pactum.core.sharing.Purpose;
import io.pactum.storage.jdbc.JdbcDatabase;
import io.pactum.storage.jdbc.JdbcSettings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The real pieces the dispatcher works with, over an H2 file database: a partner with an active
 * agreement on a glucose meter's data, its outbox (written as the ingest path writes it, with the
 * records), the policy decision point that re-checks each delivery, and the delivery service that
 * registers webhooks and seals their secrets.
 */
final class WebhookWorld implements AutoCloseable {
    static final String PARTNER = "org-care";
    static final String AGREEMENT = "agr-1";
    static final WebhookPolicy OPEN = new WebhookPolicy(true, true);
    private static final String SUPPLIER = "acme";
    private static final String PRODUCT = "glucose-product";
    private static final String DEVICE = "glucose-1";

    final Clock clock = io.pactum.core.security.MicrosecondClock.UTC;
    final Vertx vertx = Vertx.vertx();
    final Principal partner = new Principal("client-care", PARTNER, OrganisationRole.PARTNER,
            Set.of(Scope.READ, Scope.WRITE));
    final LoggedAuditTrail audit = new LoggedAuditTrail(1_000);
    final PolicyDecisionPoint decisions = new PolicyDecisionPoint(new ConsentLedger());
    private final Path dataDir;
    private final SecretBox secretBox = TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson());
    private final AtomicInteger records = new AtomicInteger();
    private final Agreement agreement;
    JdbcDatabase database;
    Outbox outbox;
    /** Registers webhooks for the test; the dispatcher gets it too unless a test wants another policy. */
    DeliveryService deliveries;
    private final List<WebhookDispatcher> dispatchers = new ArrayList<>();

    WebhookWorld(Path dataDir) {
        this.dataDir = dataDir;
        Instant t0 = clock.instant().minus(Duration.ofDays(2));
        open();
        database.stores().organisations().insert(new Organisation(SUPPLIER, "Acme", OrganisationRole.SUPPLIER, t0));
        database.stores().organisations().insert(new Organisation(PARTNER, "Care", OrganisationRole.PARTNER, t0));
        database.stores().products().insert(new Product(PRODUCT, SUPPLIER, "Glucose meter", "1.0",
                new DataModel(List.of(new FieldSpec("glucose", FieldType.NUMBER, "mmol/L", 0.0, 40.0,
                        DataCategory.HEALTH))),
                PayloadFormat.SENML_CBOR, ApprovalState.APPROVED, null, t0, t0));
        database.stores().devices().insert(new Device(DEVICE, PRODUCT, SUPPLIER, null, DeviceState.ACTIVE,
                new DeviceCredentials("hash", null, new byte[] {1}), t0, t0));
        agreement = new Agreement(AGREEMENT, PARTNER, Set.of(PRODUCT), Set.of(), Map.of("glucose", FieldTransform.KEEP),
                Purpose.HEALTHCARE, LegalBasis.CONTRACT, t0, null, 1_000, null, List.of(), AgreementState.ACTIVE, t0, t0);
        database.agreements().insert(agreement);
        decisions.recompile(List.of(agreement), Map.of());
    }

    private void open() {
        database = JdbcDatabase.open(new JdbcSettings(JdbcDatabase.h2FileUrl(dataDir), null, null, 4));
        outbox = new Outbox(database.outbox(), decisions, audit, clock);
        deliveries = deliveries(OPEN);
    }

    /** A delivery service over the same stores and secrets with another webhook policy. */
    DeliveryService deliveries(WebhookPolicy policy) {
        return new DeliveryService(outbox, database.webhooks(), secretBox, policy, clock);
    }

    /** Closes every dispatcher and the database, and opens the database again: a restarted hub. */
    void restart() {
        closeDispatchers();
        database.close();
        open();
    }

    IssuedWebhook webhook(String url) {
        return deliveries.createWebhook(partner, new NewWebhook(url));
    }

    WebhookDispatcher start(WebhookSettings settings) {
        return start(settings, deliveries);
    }

    WebhookDispatcher start(WebhookSettings settings, DeliveryService through) {
        WebhookDispatcher dispatcher = Await.result(WebhookDispatcher.start(vertx, through, database.webhooks(), outbox,
                clock, settings));
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    /** Stores {@code count} readings, each released to the partner, as the ingest path does; returns their event ids. */
    List<Long> append(int count) {
        return append(count, true);
    }

    /** As {@link #append(int)}; {@code notify}: wake the channels as the release planner does after its commit. */
    List<Long> append(int count, boolean notify) {
        long before = database.outbox().latestEventId(PARTNER);
        List<RecordStore.Append> appends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = records.incrementAndGet();
            Instant now = clock.instant();
            CanonicalRecord record = new CanonicalRecord("r-" + n, DEVICE, PRODUCT, null, Channel.TELEMETRY, now, now,
                    List.of(new FieldValue("glucose", FieldType.NUMBER, 5.0 + n / 10.0, "mmol/L", DataCategory.HEALTH)),
                    new Provenance("mqtt", IntegrityMethod.NONE, null), false);
            String body = "{\"agreementId\":\"" + AGREEMENT + "\",\"purpose\":\"" + Purpose.HEALTHCARE.wireName()
                    + "\",\"productId\":\"" + PRODUCT + "\",\"channel\":\"telemetry\",\"record\":{\"recordId\":\"r-" + n
                    + "\",\"fields\":[{\"name\":\"glucose\",\"value\":" + (5.0 + n / 10.0) + "}],\"note\":\"caf\u00e9\"}}";
            appends.add(new RecordStore.Append(List.of(record), null, List.of(new OutboxEntry(PARTNER, AGREEMENT,
                    Purpose.HEALTHCARE, record.id(), null, now, body))));
        }
        database.records().appendAll(appends);
        if (notify) {
            outbox.appended(Set.of(PARTNER));
        }
        List<Long> ids = new ArrayList<>(count);
        database.outbox().readAfter(PARTNER, before, count).forEach(d -> ids.add(d.eventId()));
        return ids;
    }

    /** Revokes the partner's agreement: what is still waiting in its outbox must not leave. */
    void revokeAgreement() {
        Agreement revoked = agreement.withState(AgreementState.REVOKED, clock.instant());
        database.agreements().update(revoked);
        decisions.recompile(List.of(revoked), Map.of());
    }

    long cursor(String webhookId) {
        return database.outbox().cursor(PARTNER, "webhook:" + webhookId);
    }

    @Nullable String expectedBody(long eventId) {
        var read = database.outbox().readAfter(PARTNER, eventId - 1, 1);
        return read.isEmpty() || read.get(0).eventId() != eventId ? null : read.get(0).json();
    }

    private void closeDispatchers() {
        for (WebhookDispatcher dispatcher : dispatchers) {
            Await.result(dispatcher.close());
        }
        dispatchers.clear();
    }

    @Override
    public void close() {
        try {
            closeDispatchers();
        } finally {
            database.close();
            Await.result(vertx.close());
        }
    }
}
