package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.simulate.HubRest;
import io.pactum.server.simulate.LoopbackTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command the operator sends to a device is an accountable act: it is in the audit ledger with who
 * sent which command to which device and what became of it (found missing while writing the
 * getting-started guide of issue #7; partner commands were already there).
 */
class OperatorCommandLedgerIT {
    @TempDir
    Path dir;

    @Test
    void operatorCommand_isInTheLedger_withSenderDeviceCommandAndOutcome() {
        try (Hub hub = Hub.start(ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.resolve("data").toString(),
                "pactum.http.port", "0",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000")))) {
            String token = hub.firstAdminToken().orElseThrow().token();
            HubRest operator = new HubRest(LoopbackTarget.local(hub.mqttPort(), hub.httpPort()), token);
            String supplier = operator.post("/organisations", "{\"name\":\"Acme\",\"role\":\"supplier\"}").get("id")
                    .asText();
            String product = operator.post("/products", """
                    {"supplierId":"%s","model":"Thermo","firmwareVersion":"1","payloadFormat":"json",
                     "dataModel":{"fields":[{"name":"t","type":"number","category":"technical"}]}}"""
                    .formatted(supplier)).get("id").asText();
            operator.put("/products/" + product + "/approval", "{\"state\":\"approved\"}");
            operator.post("/devices", "{\"productId\":\"" + product + "\",\"id\":\"thermo-1\"}");

            JsonNode command = operator.post("/devices/thermo-1/commands",
                    "{\"name\":\"set-point\",\"parameters\":{\"celsius\":19}}");

            JsonNode entry = only(entriesOfType(operator, "device_command"));
            assertThat(entry.get("actor").asText()).isEqualTo(HubRest.clientIdOf(token));
            assertThat(entry.at("/details/event").asText()).isEqualTo("COMMAND_SENT");
            assertThat(entry.at("/details/deviceId").asText()).isEqualTo("thermo-1");
            assertThat(entry.at("/details/commandId").asText()).isEqualTo(command.get("id").asText());
            assertThat(entry.at("/details/command").asText()).isEqualTo("set-point");
            assertThat(entry.at("/details/state").asText()).isEqualTo("undeliverable");
            assertThat(entry.at("/details/reason").asText()).isEqualTo(command.get("detail").asText()).isNotEmpty();
            assertThat(entry.get("details").has("parameters")).isFalse();
        }
    }

    private static List<JsonNode> entriesOfType(HubRest operator, String type) {
        List<JsonNode> found = new ArrayList<>();
        operator.get("/ledger/entries?from=0&limit=1000").get("entries").forEach(entry -> {
            if (entry.get("type").asText().equals(type)) {
                found.add(entry);
            }
        });
        return found;
    }

    private static JsonNode only(List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
