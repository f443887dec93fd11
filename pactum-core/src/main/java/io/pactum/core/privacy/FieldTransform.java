package io.pactum.core.privacy;

import io.pactum.core.error.InvalidInputException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field's transform in an agreement. {@code step} is required for {@code ROUND} and
 * {@code COARSEN_LOCATION} (positive) and absent otherwise.
 */
public record FieldTransform(TransformKind kind, @Nullable Double step) {
    public static final FieldTransform KEEP = new FieldTransform(TransformKind.KEEP, null);
    public static final FieldTransform DROP = new FieldTransform(TransformKind.DROP, null);
    public static final FieldTransform PSEUDONYMISE = new FieldTransform(TransformKind.PSEUDONYMISE, null);

    public FieldTransform {
        Objects.requireNonNull(kind, "kind");
        boolean needsStep = kind == TransformKind.ROUND || kind == TransformKind.COARSEN_LOCATION;
        if (needsStep && (step == null || !(step > 0) || !Double.isFinite(step))) {
            throw new InvalidInputException("step", kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs a positive, finite step");
        }
        if (!needsStep && step != null) {
            throw new InvalidInputException("step", "step applies only to round and coarsen_location");
        }
    }

    public static FieldTransform round(double step) {
        return new FieldTransform(TransformKind.ROUND, step);
    }

    public static FieldTransform coarsenLocation(double gridDegrees) {
        return new FieldTransform(TransformKind.COARSEN_LOCATION, gridDegrees);
    }
}
