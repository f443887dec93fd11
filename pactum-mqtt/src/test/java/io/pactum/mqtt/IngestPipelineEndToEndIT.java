package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter in front of the real ingest pipeline and JDBC record store: what is stored, and what is not. */
class IngestPipelineEndToEndIT {
    @TempDir
    Path dataDir;
    TestHub hub;
    ProvisionedDevice device;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.withPipeline(dataDir);
        device = hub.device("meter-1");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private List<CanonicalRecord> stored() {
        return hub.database.records().listByDevice("meter-1", Instant.EPOCH, Instant.now().plusSeconds(60), 100);
    }

    @Test
    void plausibleReading_overMqtt5AtQos1_isStoredBeforeItIsAcknowledged() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.publish("devices/meter-1/telemetry", "{\"glucose\":5.4}", 1)).isZero();
            assertThat(stored()).hasSize(1);
        }
        CanonicalRecord record = stored().get(0);
        assertThat(record.provenance().adapter()).isEqualTo("mqtt");
        assertThat(record.fields()).singleElement().satisfies(f -> assertThat(f.value()).isEqualTo(5.4));
    }

    @Test
    void plausibleReading_overMqtt311AtQos0And2_isStored() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            v3.publish("devices/meter-1/telemetry", "{\"glucose\":5.1}", 0);
            v3.publish("devices/meter-1/telemetry", "{\"glucose\":5.2}", 2);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> stored().size() == 2);
    }

    @Test
    void implausibleReading_overMqtt5_isRefusedPayloadFormatInvalidAndNotStored() throws Exception {
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.publish("devices/meter-1/telemetry", "{\"glucose\":99.0}", 1)).isEqualTo(0x99);
            assertThat(v5.publish("devices/meter-1/telemetry", "{not json", 1)).isEqualTo(0x99);
        }
        assertThat(stored()).isEmpty();
        assertThat(hub.signals(SignalType.IMPLAUSIBLE_VALUE, "meter-1")).isNotEmpty()
                .allSatisfy(signal -> assertThat(signal.source()).as("the adapter, then the address, once each")
                        .matches("mqtt 127\\.0\\.0\\.1:\\d+"));
    }

    @Test
    void implausibleReading_overMqtt311_isAcknowledgedButNotStored() throws Exception {
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            v3.publish("devices/meter-1/telemetry", "{\"glucose\":99.0}", 1);
            v3.publish("devices/meter-1/telemetry", "{\"glucose\":5.0}", 1);
        }
        assertThat(stored()).singleElement().satisfies(r -> assertThat(r.fields().get(0).value()).isEqualTo(5.0));
    }
}
