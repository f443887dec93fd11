package io.pactum.core.translate;

import java.util.List;
import java.util.Objects;

/**
 * The validator's verdict on one message: the typed values (plausible or not) and every violation.
 * Values of readings that are malformed (wrong type or unit) are not in {@code values}.
 */
public record ValidationResult(List<TypedReading> values, List<Violation> violations) {
    public ValidationResult {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
    }

    /** Every reading fits the data model and is plausible. */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** Nothing is malformed; any violations are implausible values only, for the policy to flag or reject. */
    public boolean wellFormed() {
        return violations.stream().allMatch(v -> v.kind().implausible());
    }
}
