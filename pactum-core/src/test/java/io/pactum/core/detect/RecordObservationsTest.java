package io.pactum.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.Channel;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.ingest.Provenance;
import io.pactum.core.integrity.IntegrityMethod;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordObservationsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void record_feedsOneMessageAndItsNumericValues() {
        RecordingAlarms alarms = new RecordingAlarms();
        Behaviour anyMessage = new Behaviour("any-message", Metric.MESSAGES, Operator.GREATER_THAN, Threshold.fixed(0),
                Duration.ofSeconds(10), 1, 1);
        Behaviour tinyBaseline = BuiltInBehaviours.OUT_OF_PROFILE_VALUE.withName("tiny-baseline");
        DetectionEngine engine = new DetectionEngine(List.of(anyMessage, tinyBaseline), alarms);

        RecordObservations.observe(engine, List.of(record(21.5, "ok")), 120);

        assertThat(alarms.raisedBy("any-message")).singleElement()
                .satisfies(a -> assertThat(a.subject()).isEqualTo("thermo-1"));
        assertThat(engine.trackedSubjects("tiny-baseline")).isEqualTo(2); // temperature and count, not status
    }

    @Test
    void messageOfSeveralRecords_countsAsOneMessage() {
        RecordingAlarms alarms = new RecordingAlarms();
        Behaviour twoMessages = new Behaviour("two-messages", Metric.MESSAGES, Operator.GREATER_THAN,
                Threshold.fixed(1), Duration.ofSeconds(10), 1, 1);
        DetectionEngine engine = new DetectionEngine(List.of(twoMessages), alarms);

        RecordObservations.observe(engine, List.of(record(21.5, "ok"), record(21.7, "ok"), record(21.9, "ok")), 300);

        assertThat(alarms.raisedBy("two-messages")).isEmpty();
    }

    private static CanonicalRecord record(double temperature, String status) {
        return new CanonicalRecord("r-1", "thermo-1", "prod-thermo", null, Channel.TELEMETRY, T0, T0, List.of(
                new FieldValue("temperature", FieldType.NUMBER, temperature, "Cel", DataCategory.TECHNICAL),
                new FieldValue("count", FieldType.INTEGER, 3L, null, DataCategory.TECHNICAL),
                new FieldValue("status", FieldType.STRING, status, null, DataCategory.TECHNICAL)),
                new Provenance("mqtt", IntegrityMethod.NONE, null), false);
    }
}
