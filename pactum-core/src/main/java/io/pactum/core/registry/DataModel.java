package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The fields a product's devices send, each declared once. */
public record DataModel(List<FieldSpec> fields) {
    public static final int MAX_FIELDS = 256;

    public DataModel(@Nullable List<FieldSpec> fields) {
        Checks.present("fields", fields);
        if (fields.isEmpty()) {
            throw new InvalidInputException("fields", "a data model declares at least one field");
        }
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidInputException("fields", "a data model declares at most " + MAX_FIELDS + " fields");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            if (field == null) {
                throw new InvalidInputException("fields[" + i + "]", "fields[" + i + "] must not be null");
            }
            if (!names.add(field.name())) {
                throw new InvalidInputException("fields[" + i + "].name",
                        "field name '" + field.name() + "' is declared twice");
            }
        }
        this.fields = List.copyOf(fields);
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
