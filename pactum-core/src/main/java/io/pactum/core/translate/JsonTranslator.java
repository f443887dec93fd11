package io.pactum.core.translate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON document by pointer, one mapping per data-model field. A member that is absent or
 * JSON {@code null} yields no reading (fields are optional); a member that is an object or array, or
 * a non-number where a unit conversion is configured, makes the payload unreadable.
 */
final class JsonTranslator implements PayloadTranslator {
    private record Target(JsonMapping mapping, JsonPointer pointer, @Nullable JsonPointer time, FieldSpec field) {}

    private final List<Target> targets;

    JsonTranslator(TranslationSpec spec, DataModel model) {
        List<JsonMapping> explicit = spec.json() == null ? List.of() : spec.json();
        List<Target> list = new ArrayList<>();
        for (FieldSpec field : model.fields()) {
            JsonMapping mapping = explicit.stream().filter(m -> m.field().equals(field.name())).findFirst()
                    .orElseGet(() -> JsonMapping.topLevel(field.name()));
            list.add(new Target(mapping, JsonPointer.compile(mapping.pointer()),
                    mapping.timePointer() == null ? null : JsonPointer.compile(mapping.timePointer()), field));
        }
        this.targets = List.copyOf(list);
    }

    @Override
    public Readings translate(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        JsonNode root = StrictParsers.read(StrictParsers.JSON, payload, "JSON");
        if (!root.isContainerNode()) {
            throw new TranslationException("payload is " + Scalars.kind(root) + ", expected a JSON object");
        }
        List<Reading> readings = new ArrayList<>();
        for (Target target : targets) {
            JsonMapping m = target.mapping();
            String where = "member " + m.pointer();
            JsonNode node = root.at(target.pointer());
            if (node.isMissingNode()) {
                continue;
            }
            Object value = Scalars.scalar(node, where);
            if (value == null) {
                continue;
            }
            boolean converts = LinearConversion.present(m.scale(), m.offset());
            if (converts && !(value instanceof Number)) {
                throw new TranslationException(where + " is " + Scalars.kind(node) + ", expected a number");
            }
            value = LinearConversion.apply(value, m.scale(), m.offset());
            readings.add(new Reading(m.field(), value, converts ? target.field().unit() : null, time(root, target)));
        }
        return new Readings(readings);
    }

    private static @Nullable Instant time(JsonNode root, Target target) {
        if (target.time() == null) {
            return null;
        }
        JsonNode node = root.at(target.time());
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return Scalars.time(node, "member " + target.mapping().timePointer());
    }
}
