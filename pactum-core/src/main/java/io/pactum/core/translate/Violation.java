package io.pactum.core.translate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One way a message does not fit the data model; {@code field} is null for message-wide ones. */
public record Violation(ViolationKind kind, @Nullable String field, String message) {
    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
