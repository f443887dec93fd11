package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.incident.Incident;
import io.pactum.core.incident.IncidentQuery;
import io.pactum.core.incident.IncidentStatus;
import io.pactum.core.incident.TimelineEntry;
import io.pactum.core.security.Principal;
import io.pactum.server.config.ConfigLoader;
import io.pactum.server.config.PactumConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection and response in the running hub: a credential-stuffing attack over MQTT on loopback
 * opens an incident and is contained (its host blocked) within the second, from the signals the
 * gateway raises. The simulator's attacks are tested one by one in {@code simulate.AttackContainmentIT}.
 */
class DetectionIT {
    @TempDir
    Path dir;

    private Hub hub;

    @BeforeEach
    void startHub() {
        PactumConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "pactum.data-dir", dir.resolve("data").toString(),
                "pactum.http.port", "0",
                "pactum.mqtt.port", "0",
                "pactum.mqtt.tls-port", "-1",
                "pactum.security.secret-hash-iterations", "10000"));
        hub = Hub.start(config);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void credentialStuffing_opensAnIncident_withinASecond() throws Exception {
        Principal operator = hub.registry().authenticator().authenticate(hub.firstAdminToken().orElseThrow().token());
        // as a stuffing tool does: many guesses at once (the hub slows each failed one down)
        ExecutorService attackers = Executors.newFixedThreadPool(30);
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            int guess = i;
            attackers.submit(() -> {
                MqttClient client = new MqttClient("tcp://127.0.0.1:" + hub.mqttPort(), "guess-" + guess,
                        new MemoryPersistence());
                MqttConnectOptions options = new MqttConnectOptions();
                options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                options.setUserName("guess-" + guess);
                options.setPassword(("wrong-" + guess).toCharArray());
                options.setConnectionTimeout(5);
                assertThatThrownBy(() -> client.connect(options)).isInstanceOf(MqttException.class);
                client.close();
                return null;
            });
        }
        List<Incident> opened = List.of();
        long deadline = start + 10_000_000_000L;
        while ((opened.isEmpty() || opened.get(0).status() != IncidentStatus.CONTAINED)
                && System.nanoTime() < deadline) {
            opened = hub.incidents().list(operator, IncidentQuery.first(10));
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        attackers.shutdown();
        assertThat(attackers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(opened).singleElement().satisfies(incident -> {
            assertThat(incident.detector()).isEqualTo("credential-stuffing");
            assertThat(incident.subject()).isEqualTo("127.0.0.1");
            assertThat(incident.status()).isEqualTo(IncidentStatus.CONTAINED);
            assertThat(hub.incidents().timeline(operator, incident.id())).anySatisfy(entry -> {
                assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.ACTION_TAKEN);
                assertThat(entry.action()).isEqualTo("block-source");
                assertThat(entry.target()).isEqualTo("127.0.0.1");
            });
        });
        // the bound is 1 s; the margin covers a busy 2-core machine
        assertThat(seconds).as("seconds from the attack's start to containment").isLessThan(2.0);
        System.out.printf("credential stuffing: contained %.3f s after the attack's start%n", seconds);

        // contained means refused: even the right id and a wrong guess no longer reach the password check
        MqttClient late = new MqttClient("tcp://127.0.0.1:" + hub.mqttPort(), "late", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("late");
        options.setPassword("anything".toCharArray());
        assertThatThrownBy(() -> late.connect(options)).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        late.close();
    }
}
