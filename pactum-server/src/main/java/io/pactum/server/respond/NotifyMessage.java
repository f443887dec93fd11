package io.pactum.server.respond;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.incident.Incident;
import java.util.Locale;

/**
 * The JSON body of an incident notification. Field names and formats follow the incident API
 * (lower-case enums, RFC 3339 instants). Affected parties are counted, never listed: data subject
 * ids are personal data, and a notification leaves the hub for a system we do not control.
 */
final class NotifyMessage {
    static final String TYPE = "pactum.incident";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotifyMessage() {}

    /** {@code notificationId} lets the receiver drop a retried copy it already has. */
    static String json(Incident incident, String notificationId) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", TYPE)
                .put("notificationId", notificationId)
                .put("id", incident.id())
                .put("detector", incident.detector())
                .put("subject", incident.subject())
                .put("title", incident.title())
                .put("severity", incident.severity().name().toLowerCase(Locale.ROOT))
                .put("status", incident.status().name().toLowerCase(Locale.ROOT))
                .put("detectedAt", incident.detectedAt().toString())
                .put("deviceCount", incident.deviceIds().size())
                .put("organisationCount", incident.organisationIds().size())
                .put("dataSubjectCount", incident.dataSubjectIds().size());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an incident notification could not be written as JSON", e);
        }
    }
}
