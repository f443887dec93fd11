package io.pactum.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a record's field values as JSON with an explicit mapping:
 * {@code [{"name":..,"type":..,"value":..,"unit":..,"category":..}]}; the type decides how the
 * value is read back, so an integer stays a {@code Long} and a number a {@code Double}.
 */
final class RecordFieldsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordFieldsJson() {}

    static String write(List<FieldValue> fields) {
        ArrayNode array = MAPPER.createArrayNode();
        for (FieldValue field : fields) {
            ObjectNode node = array.addObject();
            node.put("name", field.name());
            node.put("type", field.type().name());
            switch (field.type()) {
                case NUMBER -> node.put("value", (Double) field.value());
                case INTEGER -> node.put("value", (Long) field.value());
                case BOOLEAN -> node.put("value", (Boolean) field.value());
                case STRING -> node.put("value", (String) field.value());
            }
            if (field.unit() != null) {
                node.put("unit", field.unit());
            }
            node.put("category", field.category().name());
        }
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise record fields", e);
        }
    }

    static List<FieldValue> read(String json) {
        JsonNode array;
        try {
            array = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("stored record fields are not valid JSON; was device_records changed by hand?");
        }
        List<FieldValue> fields = new ArrayList<>();
        for (JsonNode node : array) {
            FieldType type = FieldType.valueOf(node.path("type").asText());
            JsonNode value = node.path("value");
            Object typed = switch (type) {
                case NUMBER -> value.doubleValue();
                case INTEGER -> value.longValue();
                case BOOLEAN -> value.booleanValue();
                case STRING -> value.textValue();
            };
            JsonNode unit = node.get("unit");
            fields.add(new FieldValue(node.path("name").asText(), type, typed,
                    unit == null || unit.isNull() ? null : unit.asText(),
                    DataCategory.valueOf(node.path("category").asText())));
        }
        return fields;
    }
}
