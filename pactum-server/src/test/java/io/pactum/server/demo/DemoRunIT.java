package io.pactum.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.server.Hub;
import io.pactum.server.cli.PactumCommand;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import io.pactum.server.simulate.HubRest;
import io.pactum.server.simulate.LoopbackTarget;
import io.pactum.server.simulate.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, must show 1: a short demo run on a real in-process hub, and every claim of its summary
 * checked against the hub through another way in — each partner polling its deliveries over the
 * REST API, the device registry, the incident's timeline, and {@code pactum audit verify} on the
 * stopped hub's ledger.
 */
class DemoRunIT {
    private static final DemoSettings SETTINGS = new DemoSettings(Duration.ofSeconds(30), 3, 2, true);
    /** The bound is a second; the margin covers a busy 2-core CI machine. */
    private static final double CONTAINMENT_BOUND_SECONDS = 2.5;

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final List<DemoSnapshot> summaries = new ArrayList<>();

    @Test
    void shortRun_deliversPerAgreement_honoursTheWithdrawal_containsTheAttack_andTheLedgerVerifies()
            throws Exception {
        PactumConfig config = config();
        DemoSnapshot last;
        Path kept = dir.resolve("kept-checkpoint.txt");
        try (Hub hub = Hub.start(config)) {
            LoopbackTarget target = LoopbackTarget.local(hub.mqttPort(), hub.httpPort());
            DemoEcosystem ecosystem = DemoEcosystem.create(target, hub.firstAdminToken().orElseThrow().token(), 3,
                    () -> false);
            DemoRun run = new DemoRun(hub, ecosystem, SETTINGS, recorder());

            last = run.run();

            assertThat(last.elapsed()).isGreaterThanOrEqualTo(SETTINGS.duration());
            assertThat(summaries).hasSizeGreaterThanOrEqualTo(20);
            assertThat(last.messagesSent()).isGreaterThan(300);
            assertThat(events).anySatisfy(e -> assertThat(e).contains("patient-0001 withdraws consent"));
            assertThat(events).anySatisfy(e -> assertThat(e).contains("ATTACK"));
            assertThat(events).anySatisfy(e -> assertThat(e).contains("INCIDENT").contains("contained"));

            // the clinic: what it received over MQTT is what its outbox holds, less the withdrawn
            // patient's records (delivered before the withdrawal; a poll now withholds them)
            String patientPseudonym = hub.recipientPseudonym(ecosystem.clinic().organisationId(),
                    ecosystem.withdrawingPatient());
            List<JsonNode> clinicPolled = poll(target, ecosystem.clinic());
            long clinicReceived = last.deliveredByPartner().get(DemoEcosystem.CLINIC);
            assertThat(clinicReceived).isGreaterThan(50);
            Withdrawal withdrawal = last.withdrawal();
            assertThat(withdrawal.before()).isPositive();
            assertThat(withdrawal.after()).isZero();
            assertThat(withdrawal.arrivedLate()).isZero();
            assertThat(withdrawal.othersAfter()).isPositive();
            assertThat(last.partnersConnected()).isTrue();
            assertThat(clinicPolled).hasSize((int) (clinicReceived - withdrawal.before()));
            assertThat(clinicPolled).noneMatch(event -> patientPseudonym.equals(
                    event.at("/record/subjectPseudonym").asText()));
            assertThat(clinicPolled).allSatisfy(event -> assertThat(fieldNames(event)).containsExactly("glucose",
                    "battery"));
            assertThat(clinicPolled).allSatisfy(event -> assertThat(event.get("purpose").asText()).isEqualTo("healthcare"));

            // the analytics company: its view only, every record time to the hour, nothing of the clone after containment
            DemoSnapshot.IncidentLine incident = only(last.incidents());
            String toy = ecosystem.attackedToy().id();
            assertThat(incident.detector()).isEqualTo("shared-credentials");
            assertThat(incident.subject()).isEqualTo(toy);
            assertThat(incident.status()).isEqualTo("contained");
            assertThat(incident.actions()).containsExactly("quarantine-device " + toy);
            assertThat(incident.secondsToContainment()).isBetween(0.0, CONTAINMENT_BOUND_SECONDS);
            assertThat(ecosystem.deviceState(toy)).isEqualTo("quarantined");
            String toyPseudonym = hub.recipientPseudonym(ecosystem.analytics().organisationId(), toy);
            List<JsonNode> analyticsPolled = poll(target, ecosystem.analytics());
            long analyticsReceived = last.deliveredByPartner().get(DemoEcosystem.ANALYTICS);
            assertThat(analyticsReceived).isGreaterThan(100);
            // the clone's records delivered before containment are withheld from a poll now; at most the attack's bound
            assertThat((long) analyticsPolled.size()).isBetween(analyticsReceived - 60, analyticsReceived);
            assertThat(analyticsPolled).noneMatch(event -> toyPseudonym.equals(event.at("/record/devicePseudonym").asText()));
            assertThat(analyticsPolled).allSatisfy(event -> {
                assertThat(fieldNames(event)).doesNotContain("wifi_ssid", "microphone_event", "glucose");
                assertThat(Instant.parse(event.at("/record/time").asText()).getEpochSecond() % 3600).isZero();
                assertThat(event.get("purpose").asText()).isEqualTo("product_improvement");
            });
            assertThat(analyticsPolled).anySatisfy(event -> assertThat(fieldNames(event)).contains("temperature"));
            assertThat(analyticsPolled).anySatisfy(event -> assertThat(fieldNames(event)).contains("play_minutes"));

            Files.writeString(kept, hub.checkpoints().checkpoint().note(), StandardCharsets.UTF_8);
        }

        StringWriter out = new StringWriter();
        int exit = PactumCommand.commandLine().setOut(new PrintWriter(out)).execute("audit", "verify",
                "--data-dir", config.dataDir().toString(), "--checkpoint", kept.toString());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).startsWith("OK: ");
        assertThat(DemoVerdict.of(last, SETTINGS, true).shown()).as(String.join("\n",
                DemoVerdict.of(last, SETTINGS, true).lines())).isTrue();
    }

    private DemoRun.Display recorder() {
        return new DemoRun.Display() {
            @Override
            public void event(Duration at, String text) {
                events.add(text);
            }

            @Override
            public void summary(DemoSnapshot snapshot) {
                summaries.add(snapshot);
            }
        };
    }

    private PactumConfig config() {
        return ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.resolve("data").toString(),
                "pactum.http.port", "0",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000"));
    }

    /** Every delivery the partner can fetch now, page by page, as a partner polls. */
    private static List<JsonNode> poll(LoopbackTarget target, Scenario.Partner partner) {
        HubRest api = new HubRest(target, partner.token());
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/deliveries?after=" + after + "&limit=500");
            page.get("deliveries").forEach(all::add);
            long last = page.get("lastEventId").asLong();
            if (page.get("deliveries").isEmpty() && last == after) {
                return all;
            }
            after = last;
        }
    }

    private static List<String> fieldNames(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.at("/record/fields").forEach(field -> names.add(field.get("name").asText()));
        return names;
    }

    private static DemoSnapshot.IncidentLine only(List<DemoSnapshot.IncidentLine> incidents) {
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }
}
