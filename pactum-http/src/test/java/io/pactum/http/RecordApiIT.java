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
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Stored records read back through the API: what a device sent, in canonical form, for the operator only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordApiIT {
    private TestHub hub;
    private Api api;
    private String supplierToken;
    private ProvisionedDevice thermo;

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withDeviceIngest(dataDir, HttpSettings.DEFAULT_MAX_BODY_BYTES);
        api = hub.api;
        Principal operator = hub.registry.bootstrap().localOperator();
        String supplier = hub.registry.organisations()
                .create(operator, new NewOrganisation("Acme", OrganisationRole.SUPPLIER)).id();
        supplierToken = hub.registry.clients().create(operator, supplier,
                new NewApiClient("ops", ClientKind.SERVICE, Set.of(Scope.READ, Scope.WRITE), null)).token();
        Product product = hub.registry.products().create(operator, new NewProduct(supplier, "Thermo", "1.0",
                new DataModel(List.of(new FieldSpec("temperature", FieldType.NUMBER, "Cel", -40.0, 85.0,
                        DataCategory.TECHNICAL))), PayloadFormat.JSON, TranslationSpec.DEFAULTS,
                new IngestPolicy(false, ImplausibleValuePolicy.FLAG, 30)));
        hub.registry.products().decide(operator, product.id(), new ApprovalDecision(ApprovalState.APPROVED, null));
        thermo = hub.registry.devices().create(operator,
                new NewDevice("thermo-1", product.id(), null, null, null, null));
        send("{\"temperature\": 21.5}");
        send("{\"temperature\": 400}");
    }

    @AfterAll
    void tearDown() {
        hub.close();
    }

    private void send(String json) {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("thermo-1:" + thermo.secret()).getBytes(StandardCharsets.UTF_8));
        Api.Reply reply = api.exchange("POST", "/ingest/v1/devices/thermo-1/telemetry", basic,
                HttpRequest.BodyPublishers.ofString(json), "application/json");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    @Test
    void operator_readsTheDevicesRecords_inCanonicalForm_flaggedOnesMarked() {
        Api.Reply records = api.get("/api/v1/devices/thermo-1/records", hub.operatorToken);

        assertThat(records.status()).isEqualTo(200);
        assertThat(records.json().at("/items").size()).isEqualTo(2);
        assertThat(records.json().at("/items/0/fields/0/name").asText()).isEqualTo("temperature");
        assertThat(records.json().at("/items/0/fields/0/value").asDouble()).isEqualTo(21.5);
        assertThat(records.json().at("/items/0/fields/0/unit").asText()).isEqualTo("Cel");
        assertThat(records.json().at("/items/0/provenance/adapter").asText()).isEqualTo("http");
        assertThat(records.json().at("/items/0/flagged").asBoolean()).isFalse();
        assertThat(records.json().at("/items/1/flagged").asBoolean()).isTrue();
    }

    @Test
    void limitAndTimeRange_narrowTheAnswer() {
        assertThat(api.get("/api/v1/devices/thermo-1/records?limit=1", hub.operatorToken).json().at("/items").size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/devices/thermo-1/records?to=2000-01-01T00:00:00Z", hub.operatorToken).json()
                .at("/items").size()).isZero();
    }

    @Test
    void othersThanTheOperator_areRefused_andBadQueriesNameTheParameter() {
        assertThat(api.get("/api/v1/devices/thermo-1/records", supplierToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/devices/thermo-1/records", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/devices/nobody/records", hub.operatorToken).status()).isEqualTo(404);
        Api.Reply badFrom = api.get("/api/v1/devices/thermo-1/records?from=yesterday", hub.operatorToken);
        Api.Reply badLimit = api.get("/api/v1/devices/thermo-1/records?limit=0", hub.operatorToken);
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.field()).isEqualTo("from");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.field()).isEqualTo("limit");
    }
}
