package io.pactum.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.TransformKind;
import io.pactum.core.sharing.CommandGrant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stores the JSON columns of an agreement with an explicit mapping, so the stored form does not
 * follow renames of record components:
 * <ul>
 *   <li>id sets: {@code ["a","b"]}, sorted, so equal sets are stored alike;
 *   <li>fields: {@code {"glucose":{"kind":"ROUND","step":0.5},"note":{"kind":"KEEP"}}}, by field name,
 *       {@code step} only where the transform has one;
 *   <li>commands: {@code [{"command":"reboot","deviceIds":[..],"deviceGroupIds":[..]}]}, in grant order.
 * </ul>
 * Enums are stored by name; a step is a JSON number, which Jackson writes and reads back as the same double.
 */
final class AgreementJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AgreementJson() {}

    static String writeIds(Set<String> ids) {
        return write(ids(new TreeSet<>(ids)));
    }

    static Set<String> readIds(String json) {
        return ids(parse(json, "id set"));
    }

    static String writeFields(Map<String, FieldTransform> fields) {
        ObjectNode root = MAPPER.createObjectNode();
        for (Map.Entry<String, FieldTransform> entry : new TreeMap<>(fields).entrySet()) {
            ObjectNode node = root.putObject(entry.getKey());
            node.put("kind", entry.getValue().kind().name());
            Double step = entry.getValue().step();
            if (step != null) {
                node.put("step", step.doubleValue());
            }
        }
        return write(root);
    }

    static Map<String, FieldTransform> readFields(String json) {
        JsonNode root = parse(json, "field map");
        Map<String, FieldTransform> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            JsonNode step = node.get("step");
            fields.put(entry.getKey(), new FieldTransform(TransformKind.valueOf(required(node, "kind")),
                    step == null || step.isNull() ? null : step.doubleValue()));
        }
        return fields;
    }

    static String writeCommands(List<CommandGrant> commands) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CommandGrant grant : commands) {
            ObjectNode node = array.addObject();
            node.put("command", grant.command());
            node.set("deviceIds", ids(new TreeSet<>(grant.deviceIds())));
            node.set("deviceGroupIds", ids(new TreeSet<>(grant.deviceGroupIds())));
        }
        return write(array);
    }

    static List<CommandGrant> readCommands(String json) {
        List<CommandGrant> commands = new ArrayList<>();
        for (JsonNode node : parse(json, "command grants")) {
            commands.add(new CommandGrant(required(node, "command"), ids(node.path("deviceIds")),
                    ids(node.path("deviceGroupIds"))));
        }
        return commands;
    }

    private static ArrayNode ids(Set<String> ids) {
        ArrayNode array = MAPPER.createArrayNode();
        ids.forEach(array::add);
        return array;
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : array) {
            ids.add(id.asText());
        }
        return ids;
    }

    private static String required(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw new StorageException("a stored agreement lacks '" + member
                    + "'; was the agreements table changed by hand?");
        }
        return value.asText();
    }

    private static JsonNode parse(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored agreement's " + what
                    + " is not valid JSON; was the agreements table changed by hand?");
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an agreement", e);
        }
    }
}
