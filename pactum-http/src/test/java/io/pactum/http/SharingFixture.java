package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.ImplausibleValuePolicy;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.core.translate.TranslationSpec;
import io.pactum.sdk.SenmlPack;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What the sharing tests have in common: a supplier with an approved thermometer (unprotected
 * SenML CBOR: temperature and humidity), recipients with tokens, agreements made through the API,
 * and measurements sent through HTTP device ingest as a device sends them.
 */
final class SharingFixture {
    static final String AGREEMENTS = "/api/v1/agreements";
    private static final Instant FIRST_MEASUREMENT = Instant.parse("2026-11-23T09:00:00Z");

    final TestHub hub;
    final Api api;
    final Principal operator;
    final String supplierId;
    final Product thermometer;
    private final AtomicInteger unique = new AtomicInteger();
    private final AtomicLong seconds = new AtomicLong();

    SharingFixture(TestHub hub) {
        this.hub = hub;
        this.api = hub.api;
        this.operator = hub.operator();
        supplierId = organisation("Acme", OrganisationRole.SUPPLIER);
        Product product = hub.registry.products().create(operator, new NewProduct(supplierId, "Thermo", "1.0",
                new DataModel(List.of(
                        new FieldSpec("temperature", FieldType.NUMBER, "Cel", -40.0, 85.0, DataCategory.TECHNICAL),
                        new FieldSpec("humidity", FieldType.NUMBER, "%RH", 0.0, 100.0, DataCategory.TECHNICAL))),
                PayloadFormat.SENML_CBOR, TranslationSpec.DEFAULTS, new IngestPolicy(false, ImplausibleValuePolicy.FLAG, 30)));
        thermometer = hub.registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.APPROVED, null));
    }

    /** A new organisation of the role, with a unique name; its id. */
    String organisation(String name, OrganisationRole role) {
        return hub.registry.organisations().create(operator, new NewOrganisation(name + " " + unique.incrementAndGet(), role))
                .id();
    }

    String partner() {
        return organisation("Partner", OrganisationRole.PARTNER);
    }

    /** A read and write token of the organisation. */
    String token(String organisationId) {
        return hub.registry.clients().create(operator, organisationId, new NewApiClient("client " + unique.incrementAndGet(),
                ClientKind.SERVICE, Set.of(Scope.READ, Scope.WRITE), null)).token();
    }

    ProvisionedDevice device(@Nullable String subjectId) {
        return hub.registry.devices().create(operator,
                new NewDevice("thermo-" + unique.incrementAndGet(), thermometer.id(), null, subjectId, null, null));
    }

    /** Creates an agreement through the API as the operator; {@code members} are the JSON members after the recipient's. */
    String agreement(String recipientId, String members) {
        Api.Reply reply = api.post(AGREEMENTS, hub.operatorToken, "{\"recipientId\": \"" + recipientId + "\", " + members + "}");
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.text("/id");
    }

    /** An agreement for the thermometers' temperature, rounded to halves, on contract, for healthcare. */
    String temperatureAgreement(String recipientId) {
        return agreement(recipientId, "\"productIds\": [\"" + thermometer.id() + "\"], "
                + "\"fields\": {\"temperature\": {\"transform\": \"round\", \"step\": 0.5}}, "
                + "\"purpose\": \"healthcare\", \"legalBasis\": \"contract\", \"commands\": [{\"command\": \"reboot\"}]");
    }

    void changeAgreement(String agreementId, String action) {
        Api.Reply reply = api.post(AGREEMENTS + "/" + agreementId + "/" + action, hub.operatorToken, "");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    }

    /** Sends one message with a measurement per temperature, each at a time of its own; returns the records' ids. */
    List<String> send(ProvisionedDevice device, double... temperatures) {
        String id = device.device().id();
        SenmlPack pack = SenmlPack.withBaseName("urn:dev:" + id + ":");
        for (double t : temperatures) {
            Instant time = FIRST_MEASUREMENT.plusSeconds(seconds.incrementAndGet());
            pack.add("temperature", t, "Cel", time).add("humidity", 40.0, "%RH", time);
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + device.secret()).getBytes(StandardCharsets.UTF_8));
        Api.Reply reply = api.exchange("POST", "/ingest/v1/devices/" + id + "/telemetry", basic,
                HttpRequest.BodyPublishers.ofByteArray(pack.toCbor()), "application/senml+cbor");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> records = new java.util.ArrayList<>();
        reply.json().get("records").forEach(r -> records.add(r.asText()));
        return records;
    }
}
