package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.command.Command;
import io.pactum.core.command.CommandState;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.core.sharing.CommandGrant;
import io.pactum.core.signal.SignalType;
import io.pactum.sdk.HubCommand;
import io.pactum.sdk.HubCommandReceiver;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partner commands over MQTT: published on {@code partners/{org}/commands/{devicePseudonym}}, decided
 * by the real policy decision point, signed and delivered to the device, and answered on
 * {@code partners/{org}/command-results/{devicePseudonym}}.
 */
class MqttPartnerCommandIT {
    private static final int V5_SUCCESS = 0;
    private static final int V5_NOT_AUTHORIZED = 0x87;
    private static final int V5_PAYLOAD_FORMAT_INVALID = 0x99;

    @TempDir
    Path dataDir;
    SharingHub hub;
    String care;
    IssuedToken careClient;
    String clientId;
    ProvisionedDevice pump;
    String pseudonym;

    @BeforeEach
    void start() throws Exception {
        hub = SharingHub.start(dataDir);
        care = hub.organisation("Care Co", OrganisationRole.PARTNER);
        careClient = hub.client(care, Scope.READ, Scope.WRITE);
        clientId = careClient.client().id();
        hub.agreement(care, Map.of("glucose", FieldTransform.KEEP), CommandGrant.toAllInScope("set-point"));
        pump = hub.device("pump-1");
        pseudonym = hub.pseudonym(care, "pump-1");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private String commandTopic() {
        return "partners/" + care + "/commands/" + pseudonym;
    }

    private String resultTopic() {
        return "partners/" + care + "/command-results/" + pseudonym;
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void grantedCommand_isDeliveredToTheDeviceAndItsResultPublished(int version) throws Exception {
        try (V5Client device = V5Client.connect(hub.hub, "pump-1", pump.secret());
                PartnerClient partner = PartnerClient.connect(version, hub.url(), clientId, careClient.token(),
                        PartnerClient.Options.clean())) {
            assertThat(device.subscribe("devices/pump-1/commands", 1)).isEqualTo(1);
            assertThat(partner.subscribe("partners/" + care + "/command-results/+", 1)).isEqualTo(1);
            byte[] correlation = PartnerClient.utf8("request-7");

            int code = partner.publish(commandTopic(), "{\"name\":\"set-point\",\"parameters\":{\"target\":6.5}}", 1,
                    partner.isV5() ? correlation : null);

            assertThat(code).isEqualTo(V5_SUCCESS);
            PartnerClient.Message result = partner.next();
            assertThat(result.topic()).isEqualTo(resultTopic());
            JsonNode json = result.json();
            assertThat(json.get("accepted").asBoolean()).isTrue();
            assertThat(json.get("state").asText()).isEqualTo("delivered");
            assertThat(json.get("name").asText()).isEqualTo("set-point");
            assertThat(json.get("devicePseudonym").asText()).isEqualTo(pseudonym);
            assertThat(result.payload()).doesNotContain("pump-1");
            if (partner.isV5()) {
                assertThat(result.correlation()).as("correlation data echoed").isEqualTo(correlation);
            }

            V5Client.Received signed = device.received.poll(5, TimeUnit.SECONDS);
            assertThat(signed).isNotNull();
            HubCommand command = new HubCommandReceiver(hub.hubKeys.getPublic(), 0).accept(signed.payload());
            assertThat(command.id()).isEqualTo(json.get("commandId").asText());
            assertThat(command.name()).isEqualTo("set-point");
            assertThat(command.parameters().path("target").asDouble()).isEqualTo(6.5);
            Command stored = hub.commands.get(hub.hub.operator, "pump-1", command.id());
            assertThat(stored.state()).isEqualTo(CommandState.DELIVERED);
            assertThat(stored.issuedBy()).isEqualTo(clientId);
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void commandNotGranted_isRefusedWithTheReasonAndSignalled(int version) throws Exception {
        try (V5Client device = V5Client.connect(hub.hub, "pump-1", pump.secret());
                PartnerClient partner = PartnerClient.connect(version, hub.url(), clientId, careClient.token(),
                        PartnerClient.Options.clean())) {
            device.subscribe("devices/pump-1/commands", 1);
            partner.subscribe(resultTopic(), 1);

            int code = partner.publish(commandTopic(), "{\"name\":\"reboot\"}", 1, null);

            assertThat(code).isEqualTo(partner.isV5() ? V5_NOT_AUTHORIZED : 0);
            JsonNode json = partner.next().json();
            assertThat(json.get("accepted").asBoolean()).isFalse();
            assertThat(json.get("error").asText()).isEqualTo("forbidden");
            assertThat(json.get("reason").asText()).contains("command-not-granted").doesNotContain("pump-1");
            assertThat(json.get("name").asText()).isEqualTo("reboot");
            assertThat(device.received.poll(300, TimeUnit.MILLISECONDS)).as("nothing reached the device").isNull();
        }
        assertThat(hub.hub.signals(SignalType.COMMAND_REFUSED, care)).hasSize(1);
    }

    @Test
    void commandToAnUnknownPseudonym_isRefusedNotFound() throws Exception {
        try (PartnerClient partner = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            partner.subscribe("partners/" + care + "/command-results/+", 1);
            int code = partner.publish("partners/" + care + "/commands/not-a-device", "{\"name\":\"set-point\"}", 1,
                    null);
            assertThat(code).isEqualTo(V5_NOT_AUTHORIZED);
            PartnerClient.Message result = partner.next();
            assertThat(result.topic()).isEqualTo("partners/" + care + "/command-results/not-a-device");
            assertThat(result.json().get("error").asText()).isEqualTo("not-found");
        }
    }

    @Test
    void malformedCommand_isRefusedPayloadFormatInvalid() throws Exception {
        try (PartnerClient partner = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            partner.subscribe(resultTopic(), 1);
            assertThat(partner.publish(commandTopic(), "{not json", 1, null)).isEqualTo(V5_PAYLOAD_FORMAT_INVALID);
            assertThat(partner.next().json().get("error").asText()).isEqualTo("invalid-input");
            assertThat(partner.publish(commandTopic(), "{\"name\":\"set-point\",\"params\":{}}", 1, null))
                    .isEqualTo(V5_PAYLOAD_FORMAT_INVALID);
            assertThat(partner.next().json().get("reason").asText()).contains("params");
        }
    }

    @Test
    void commandWithoutTheWriteScope_isRefused() throws Exception {
        IssuedToken reader = hub.client(care, Scope.READ);
        String id = reader.client().id();
        try (PartnerClient partner = PartnerClient.connect(5, hub.url(), id, reader.token(),
                PartnerClient.Options.clean())) {
            assertThat(partner.subscribe(resultTopic(), 1)).isEqualTo(1);
            assertThat(partner.publish(commandTopic(), "{\"name\":\"set-point\"}", 1, null)).isEqualTo(V5_NOT_AUTHORIZED);
            JsonNode json = partner.next().json();
            assertThat(json.get("error").asText()).isEqualTo("forbidden");
            assertThat(json.get("reason").asText()).contains("write");
        }
    }

    @Test
    void commandToAnOfflineDevice_isAcceptedAndUndeliverable() throws Exception {
        try (PartnerClient partner = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            partner.subscribe(resultTopic(), 1);
            assertThat(partner.publish(commandTopic(), "{\"name\":\"set-point\"}", 1, null)).isEqualTo(V5_SUCCESS);
            JsonNode json = partner.next().json();
            assertThat(json.get("accepted").asBoolean()).isTrue();
            assertThat(json.get("state").asText()).isEqualTo("undeliverable");
            assertThat(json.get("detail").asText()).isEqualTo("the device is not connected");
        }
    }
}
