package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands as a script uses them, against a running hub, plus token recovery. */
class CliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;


    @Test
    void script_registersSupplierProductAndDevice_withTheSameRulesAsTheApi() throws Exception {
        Path data = dir.resolve("data");
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr.log"))) {
            String url = "http://127.0.0.1:" + hub.port();
            String admin = hub.token().orElseThrow();

            String supplierId = run(url, admin, "org", "create", "--name", "Acme", "--role", "supplier")
                    .json().get("id").asText();
            String supplierToken = run(url, admin, "token", "create", "--org", supplierId, "--name", "ci",
                    "--scope", "read,write").json().get("token").asText();
            Path model = dir.resolve("model.json");
            Files.writeString(model, "{\"fields\":[{\"name\":\"temperature\",\"type\":\"number\",\"unit\":\"Cel\","
                    + "\"min\":-40,\"max\":85,\"category\":\"technical\"}]}");
            String productId = run(url, supplierToken, "product", "create", "--model", "Thermo", "--firmware", "2.1",
                    "--format", "json", "--data-model", model.toString()).json().get("id").asText();

            CommandResult notYet = run(url, supplierToken, "device", "create", "--product", productId, "--id", "thermo-1");
            assertThat(notYet.exit()).as("a pending product's device is refused").isEqualTo(1);
            assertThat(notYet.err()).contains("pending").contains("(field: productId)");

            CommandResult supplierApproves = run(url, supplierToken, "product", "approve", productId);
            assertThat(supplierApproves.exit()).isEqualTo(1);
            assertThat(supplierApproves.err()).contains("403");

            assertThat(run(url, admin, "product", "approve", productId).json().get("approvalState").asText())
                    .isEqualTo("approved");
            JsonNode device = run(url, supplierToken, "device", "create", "--product", productId, "--id", "thermo-1")
                    .json();
            assertThat(device.get("secret").asText()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(run(url, supplierToken, "device", "list").out()).contains("thermo-1")
                    .doesNotContain(device.get("secret").asText());
        }
    }

    @Test
    void adminToken_issuesAWorkingTokenWhenTheHubIsStopped() throws Exception {
        Path data = dir.resolve("data");
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            hub.stop();
        }
        Process recover = HubProcess.command("admin-token", "--data-dir", data.toString()).start();
        String out = new String(recover.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(recover.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(recover.exitValue()).isZero();
        String token = out.lines().filter(l -> l.startsWith("pct_")).findFirst().orElseThrow();

        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            CommandResult me = run("http://127.0.0.1:" + hub.port(), token, "org", "list");
            assertThat(me.exit()).isZero();
            assertThat(me.out()).contains("operator");
        }
    }

    private CommandResult run(String url, String token, String... args) throws IOException, InterruptedException {
        return HubProcess.run(Map.of("PACTUM_URL", url, "PACTUM_TOKEN", token), args);
    }
}
