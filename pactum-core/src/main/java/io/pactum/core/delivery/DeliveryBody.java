package io.pactum.core.delivery;

/**
 * The JSON a recipient receives for one released record, documented in {@code docs/sharing.md}:
 * <pre>
 * {"eventId": 42, "agreementId": "...", "purpose": "healthcare", "productId": "...", "channel": "telemetry",
 *  "record": { recordId, devicePseudonym, subjectPseudonym, time, flagged, fields[], withheld[] }}
 * </pre>
 * The event id is assigned when the entry is stored, so stored bodies lack it and it is spliced in
 * when delivered.
 */
public final class DeliveryBody {
    private DeliveryBody() {}

    static String withEventId(long eventId, String body) {
        if (body.length() == 2) {
            return "{\"eventId\":" + eventId + "}";
        }
        return "{\"eventId\":" + eventId + "," + body.substring(1);
    }
}
