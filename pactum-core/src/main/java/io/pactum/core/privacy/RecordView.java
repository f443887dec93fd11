package io.pactum.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record as one recipient sees it. {@code recordId}, {@code devicePseudonym} and
 * {@code subjectPseudonym} are the recipient's pseudonyms of the record, device and data subject
 * ids (stable, so a recipient can de-duplicate at-least-once deliveries and follow a device or
 * subject over time, but cannot join with another recipient); {@code time} is the measurement time
 * truncated to the agreement's resolution; {@code flagged} marks a value outside the plausible range
 * that the product keeps (never to be taken as valid). {@code withheld} names the fields in scope
 * that could not be transformed as the agreement says (for example {@code ROUND} on a boolean) and
 * were therefore left out rather than sent raw.
 */
public record RecordView(
        String recordId,
        String devicePseudonym,
        @Nullable String subjectPseudonym,
        Instant time,
        boolean flagged,
        List<ViewField> fields,
        List<String> withheld) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RecordView {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(devicePseudonym, "devicePseudonym");
        Objects.requireNonNull(time, "time");
        fields = List.copyOf(fields);
        withheld = List.copyOf(withheld);
    }

    /** The view as a JSON object with these component names; {@code time} as an ISO-8601 UTC string. */
    public ObjectNode toJsonNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("recordId", recordId);
        node.put("devicePseudonym", devicePseudonym);
        if (subjectPseudonym == null) {
            node.putNull("subjectPseudonym");
        } else {
            node.put("subjectPseudonym", subjectPseudonym);
        }
        node.put("time", time.toString());
        node.put("flagged", flagged);
        ArrayNode fieldArray = node.putArray("fields");
        for (ViewField field : fields) {
            ObjectNode f = fieldArray.addObject();
            f.put("name", field.name());
            f.put("type", wire(field.type()));
            Object value = field.value();
            if (value instanceof Double d) {
                f.put("value", d);
            } else if (value instanceof Long l) {
                f.put("value", l);
            } else if (value instanceof Boolean b) {
                f.put("value", b);
            } else {
                f.put("value", (String) value);
            }
            if (field.unit() == null) {
                f.putNull("unit");
            } else {
                f.put("unit", field.unit());
            }
            f.put("category", wire(field.category()));
            f.put("transform", wire(field.transform()));
        }
        ArrayNode withheldArray = node.putArray("withheld");
        withheld.forEach(withheldArray::add);
        return node;
    }

    /** Enum values as the rest of the API writes them: lower case with underscores. */
    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@link #toJsonNode()} as compact JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view is always serialisable", e);
        }
    }
}
