package io.pactum.core.sharing;

import io.pactum.core.ingest.FieldValue;
import io.pactum.core.privacy.FieldTransform;
import java.util.Objects;

/** One field of a record that may leave under an agreement, with the transform to apply before it does. */
public record ReleasedField(FieldValue value, FieldTransform transform) {
    public ReleasedField {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(transform, "transform");
    }

    public String name() {
        return value.name();
    }
}
