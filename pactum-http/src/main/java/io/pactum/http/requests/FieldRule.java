package io.pactum.http.requests;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.TransformKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One field of an agreement on the wire: {@code {"transform": "round", "step": 5}}. Transforms are
 * written in lower case like every enum of the API ({@code coarsen_location}); they are read in any
 * case, and with {@code -} for {@code _} ({@code coarsen-location}).
 */
public record FieldRule(@Nullable String transform, @Nullable Double step) {
    public FieldRule {
        toTransform(transform, step); // refuses here, so the refusal carries the field's path in the body
    }

    public FieldTransform toTransform() {
        return toTransform(transform, step);
    }

    /** The wire name of a transform, e.g. {@code coarsen_location}. */
    public static String wireName(TransformKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static FieldTransform toTransform(@Nullable String transform, @Nullable Double step) {
        if (transform == null) {
            throw new InvalidInputException("transform", "transform is required");
        }
        return new FieldTransform(kind(transform), step);
    }

    private static TransformKind kind(String transform) {
        String normal = transform.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (TransformKind kind : TransformKind.values()) {
            if (kind.name().equals(normal)) {
                return kind;
            }
        }
        throw new InvalidInputException("transform", "transform must be one of: " + Arrays.stream(TransformKind.values())
                .map(FieldRule::wireName).collect(Collectors.joining(", ")));
    }
}
