package io.pactum.core.detect;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;

/** Turns an accepted record into observations: one message, and one value per numeric field. */
public final class RecordObservations {
    private RecordObservations() {}

    /** {@code bytes} is the message's size on the wire; the instant is when the hub received it. */
    public static void observe(DetectionEngine engine, CanonicalRecord record, long bytes) {
        engine.observe(new Observation.MessageAccepted(record.deviceId(), record.productId(), bytes,
                record.receivedAt()));
        for (FieldValue field : record.fields()) {
            double value;
            if (field.value() instanceof Double d) {
                value = d;
            } else if (field.value() instanceof Long l) {
                value = l;
            } else {
                continue; // booleans and strings have no numeric profile
            }
            engine.observe(new Observation.ValueObserved(record.deviceId(), record.productId(), field.name(), value,
                    record.receivedAt()));
        }
    }
}
