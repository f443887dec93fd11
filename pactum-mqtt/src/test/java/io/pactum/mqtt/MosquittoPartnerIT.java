package io.pactum.mqtt;

import static io.pactum.mqtt.MosquittoClientsIT.requireBinary;
import static io.pactum.mqtt.MosquittoClientsIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.registry.Scope;
import io.pactum.core.sharing.CommandGrant;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partner examples of docs/mqtt.md, with Debian's mosquitto clients (skipped where not installed, outside CI). */
class MosquittoPartnerIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    SharingHub hub;
    String org;
    IssuedToken client;
    ProvisionedDevice pump;

    @BeforeEach
    void start() throws Exception {
        requireBinary("mosquitto_sub");
        requireBinary("mosquitto_rr");
        hub = SharingHub.start(dataDir);
        org = hub.organisation("Care Co", OrganisationRole.PARTNER);
        client = hub.client(org, Scope.READ, Scope.WRITE);
        hub.agreement(org, Map.of("glucose", FieldTransform.KEEP), CommandGrant.toAllInScope("set-point"));
        pump = hub.device("pump-1");
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void mosquittoSub_withAPersistentSession_receivesWhatWasReleasedBeforeItsFirstConnection() throws Exception {
        try (V5Client device = V5Client.connect(hub.hub, "pump-1", pump.secret())) {
            assertThat(device.publish("devices/pump-1/telemetry", "{\"glucose\":5.4,\"battery\":80}", 1)).isZero();
        }
        String id = client.client().id();
        MosquittoClientsIT.Result sub = run("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(hub.hub.port()),
                "-V", "5", "-q", "1", "-c", "-x", "86400", "-i", id, "-u", id, "-P", client.token(),
                "-t", "partners/" + org + "/records", "-C", "1", "-W", "10");
        assertThat(sub.exitCode()).as(sub.output()).isZero();
        JsonNode body = JSON.readTree(sub.output());
        assertThat(body.get("eventId").asLong()).isEqualTo(hub.eventIds(org, 0).get(0));
        assertThat(body.path("record").path("fields").get(0).path("name").asText()).isEqualTo("glucose");
    }

    @Test
    void mosquittoRr_sendsACommandAndPrintsItsResult() throws Exception {
        String pseudonym = hub.pseudonym(org, "pump-1");
        String id = client.client().id();
        try (V5Client device = V5Client.connect(hub.hub, "pump-1", pump.secret())) {
            device.subscribe("devices/pump-1/commands", 1);
            MosquittoClientsIT.Result rr = run("mosquitto_rr", "-h", "127.0.0.1", "-p",
                    String.valueOf(hub.hub.port()), "-V", "5", "-q", "1", "-i", id, "-u", id, "-P", client.token(),
                    "-t", "partners/" + org + "/commands/" + pseudonym,
                    "-e", "partners/" + org + "/command-results/" + pseudonym,
                    "-m", "{\"name\":\"set-point\",\"parameters\":{\"target\":6.5}}", "-W", "10");
            assertThat(rr.exitCode()).as(rr.output()).isZero();
            JsonNode result = JSON.readTree(rr.output());
            assertThat(result.get("accepted").asBoolean()).isTrue();
            assertThat(result.get("state").asText()).isEqualTo("delivered");
        }
    }
}
