package io.pactum.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Stores a {@link DataModel} as JSON with an explicit mapping, so the stored form does not follow
 * renames of record components: {@code {"fields":[{"name":..,"type":..,"unit":..,"min":..,"max":..,
 * "category":..}]}}, absent optional members omitted.
 */
final class DataModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DataModelJson() {}

    static String write(DataModel model) {
        Objects.requireNonNull(model, "model");
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode fields = root.putArray("fields");
        for (FieldSpec field : model.fields()) {
            ObjectNode node = fields.addObject();
            node.put("name", field.name());
            node.put("type", field.type().name());
            if (field.unit() != null) {
                node.put("unit", field.unit());
            }
            if (field.min() != null) {
                node.put("min", field.min());
            }
            if (field.max() != null) {
                node.put("max", field.max());
            }
            node.put("category", field.category().name());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a data model", e);
        }
    }

    static DataModel read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored data model is not valid JSON; was the products table changed by hand?");
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode node : root.path("fields")) {
            fields.add(new FieldSpec(
                    text(node, "name"),
                    FieldType.valueOf(text(node, "type")),
                    optionalText(node, "unit"),
                    optionalNumber(node, "min"),
                    optionalNumber(node, "max"),
                    DataCategory.valueOf(text(node, "category"))));
        }
        return new DataModel(fields);
    }

    private static String text(JsonNode node, String member) {
        String value = optionalText(node, member);
        if (value == null) {
            throw new StorageException("a stored data model field lacks '" + member + "'");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static @Nullable Double optionalNumber(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.doubleValue();
    }
}
