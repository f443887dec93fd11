package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.ClientKind;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.DeviceStateChange;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, "Commands to devices", over the API: only the operator sends and reads commands; a
 * command to an unreachable or inactive device is recorded with the reason instead of vanishing.
 * (Delivery over MQTT is tested with the MQTT adapter.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandApiIT {
    private TestHub hub;
    private Api api;
    private Principal operator;
    private String supplierToken;
    private String partnerToken;
    private Product thermostat;
    private final AtomicInteger unique = new AtomicInteger();

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withDeviceIngest(dataDir, HttpSettings.DEFAULT_MAX_BODY_BYTES);
        api = hub.api;
        operator = hub.registry.bootstrap().localOperator();
        String supplier = hub.registry.organisations()
                .create(operator, new NewOrganisation("Acme", OrganisationRole.SUPPLIER)).id();
        String partner = hub.registry.organisations()
                .create(operator, new NewOrganisation("Clinic", OrganisationRole.PARTNER)).id();
        supplierToken = token(supplier);
        partnerToken = token(partner);
        Product product = hub.registry.products().create(operator, new NewProduct(supplier, "Thermo", "1.0",
                new DataModel(List.of(new FieldSpec("temperature", FieldType.NUMBER, "Cel", null, null,
                        DataCategory.TECHNICAL))), PayloadFormat.JSON));
        thermostat = hub.registry.products().decide(operator, product.id(),
                new ApprovalDecision(ApprovalState.APPROVED, null));
    }

    @AfterAll
    void tearDown() {
        hub.close();
    }

    private String token(String organisationId) {
        return hub.registry.clients().create(operator, organisationId,
                new NewApiClient("ops", ClientKind.SERVICE, Set.of(Scope.READ, Scope.WRITE, Scope.ADMIN), null)).token();
    }

    private String device() {
        return hub.registry.devices().create(operator,
                new NewDevice("thermo-" + unique.incrementAndGet(), thermostat.id(), null, null, null, null))
                .device().id();
    }

    private static String commandsOf(String deviceId) {
        return "/api/v1/devices/" + deviceId + "/commands";
    }

    @Test
    void commandToAnOfflineDevice_isRecordedAsUndeliverable_withTheReason_andCanBeReadBack() {
        String device = device();

        Api.Reply sent = api.post(commandsOf(device), hub.operatorToken,
                "{\"name\":\"set-point\",\"parameters\":{\"celsius\":21.5}}");

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.text("/state")).isEqualTo("undeliverable");
        assertThat(sent.text("/detail")).contains("not connected");
        assertThat(sent.json().at("/parameters/celsius").asDouble()).isEqualTo(21.5);
        assertThat(sent.json().at("/counter").asLong()).isEqualTo(1);
        String id = sent.text("/id");
        assertThat(sent.headers().firstValue("Location")).contains(commandsOf(device) + "/" + id);
        assertThat(api.get(commandsOf(device) + "/" + id, hub.operatorToken).text("/state")).isEqualTo("undeliverable");
        assertThat(api.get(commandsOf(device), hub.operatorToken).json().at("/items/0/id").asText()).isEqualTo(id);
    }

    @Test
    void countersRise_perDevice() {
        String device = device();
        api.post(commandsOf(device), hub.operatorToken, "{\"name\":\"reboot\"}");

        Api.Reply second = api.post(commandsOf(device), hub.operatorToken, "{\"name\":\"reboot\"}");

        assertThat(second.json().at("/counter").asLong()).isEqualTo(2);
    }

    @Test
    void commandToAQuarantinedDevice_reportsTheDeviceState() {
        String device = device();
        hub.registry.devices().changeState(operator, device, new DeviceStateChange(DeviceState.QUARANTINED, "test"));

        Api.Reply sent = api.post(commandsOf(device), hub.operatorToken, "{\"name\":\"reboot\"}");

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.text("/state")).isEqualTo("undeliverable");
        assertThat(sent.text("/detail")).isEqualTo("the device is quarantined");
    }

    @Test
    void onlyTheOperator_sendsAndReadsCommands_andNothingIsRecordedForOthers() {
        String device = device();
        String body = "{\"name\":\"reboot\"}";

        assertThat(api.post(commandsOf(device), supplierToken, body).status()).isEqualTo(403);
        assertThat(api.post(commandsOf(device), partnerToken, body).status()).isEqualTo(403);
        assertThat(api.get(commandsOf(device), supplierToken).status()).isEqualTo(403);
        assertThat(api.post(commandsOf(device), null, body).status()).isEqualTo(401);
        assertThat(api.get(commandsOf(device), hub.operatorToken).json().at("/items").size()).isZero();
    }

    @Test
    void unknownDeviceOrCommand_is404() {
        String device = device();

        assertThat(api.post(commandsOf("nobody"), hub.operatorToken, "{\"name\":\"reboot\"}").status()).isEqualTo(404);
        assertThat(api.get(commandsOf(device) + "/no-such-command", hub.operatorToken).status()).isEqualTo(404);
    }

    @Test
    void badCommandBodies_are400_namingTheField_andRecordNothing() {
        String device = device();

        Api.Reply badName = api.post(commandsOf(device), hub.operatorToken, "{\"name\":\"re boot\"}");
        Api.Reply badParameters = api.post(commandsOf(device), hub.operatorToken, "{\"name\":\"reboot\",\"parameters\":5}");
        Api.Reply unknown = api.post(commandsOf(device), hub.operatorToken, "{\"name\":\"reboot\",\"urgent\":true}");
        Api.Reply tooBig = api.post(commandsOf(device), hub.operatorToken,
                "{\"name\":\"reboot\",\"parameters\":{\"x\":\"" + "y".repeat(5000) + "\"}}");
        Api.Reply badLimit = api.get(commandsOf(device) + "?limit=many", hub.operatorToken);

        assertThat(List.of(badName, badParameters, unknown, tooBig, badLimit)).extracting(Api.Reply::status)
                .containsOnly(400);
        assertThat(badName.field()).isEqualTo("name");
        assertThat(badParameters.field()).isEqualTo("parameters");
        assertThat(unknown.field()).isEqualTo("urgent");
        assertThat(tooBig.field()).isEqualTo("parameters");
        assertThat(badLimit.field()).isEqualTo("limit");
        assertThat(api.get(commandsOf(device), hub.operatorToken).json().at("/items").size()).isZero();
    }

    @Test
    void hubKey_isReadableWithAnyToken() {
        Api.Reply key = api.get("/api/v1/hub/key", partnerToken);

        assertThat(key.status()).isEqualTo(200);
        assertThat(key.text("/keyId")).isEqualTo("pactum-hub");
        assertThat(key.text("/algorithm")).isEqualTo("EdDSA");
        assertThat(key.text("/publicKey")).isNotBlank();
    }
}
