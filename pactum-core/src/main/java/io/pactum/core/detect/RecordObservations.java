package io.pactum.core.detect;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;
import java.util.List;

/** Turns an accepted message into observations: one message, and one value per numeric field of its records. */
public final class RecordObservations {
    private RecordObservations() {}

    /**
     * {@code records} are what one message became (several when it carried several measurement
     * times); {@code bytes} is the message's size on the wire; the instant is when the hub received it.
     */
    public static void observe(Observations observations, List<CanonicalRecord> records, long bytes) {
        if (records.isEmpty()) {
            return;
        }
        CanonicalRecord first = records.get(0);
        observations.observe(new Observation.MessageAccepted(first.deviceId(), first.productId(), bytes,
                first.receivedAt()));
        for (CanonicalRecord record : records) {
            for (FieldValue field : record.fields()) {
                double value;
                if (field.value() instanceof Double d) {
                    value = d;
                } else if (field.value() instanceof Long l) {
                    value = l;
                } else {
                    continue; // booleans and strings have no numeric profile
                }
                observations.observe(new Observation.ValueObserved(record.deviceId(), record.productId(),
                        field.name(), value, record.receivedAt()));
            }
        }
    }
}
