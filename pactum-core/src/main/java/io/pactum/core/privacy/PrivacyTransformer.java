package io.pactum.core.privacy;

import io.pactum.core.ingest.CanonicalRecord;
import io.pactum.core.ingest.FieldValue;
import io.pactum.core.registry.FieldType;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes a recipient's view of a canonical record (pure; thread-safe).
 *
 * <ul>
 *   <li>Only fields named in the spec appear; every other field is removed whatever its category.
 *   <li>{@code DROP}: removed. {@code KEEP}: copied as is.
 *   <li>{@code PSEUDONYMISE}: strings become the recipient's pseudonym of their UTF-8 bytes; integers
 *       and numbers the pseudonym of their canonical decimal form (an integer's digits; a double's
 *       exact decimal value without exponent or trailing zeros, so {@code 5.0} and {@code 5} agree).
 *       Booleans cannot be pseudonymised (a keyed relabelling of two values reveals them as soon as
 *       one record is known) and strings with unpaired surrogates cannot be encoded losslessly: both
 *       are withheld.
 *   <li>{@code ROUND}: numbers to the nearest multiple of the step, ties to even; an integer stays an
 *       integer when the step is integral, otherwise becomes a number.
 *   <li>{@code COARSEN_LOCATION}: numbers down to the grid line at or below the value (floor, towards
 *       -∞: -0.001 on a 0.01 grid is -0.01); integers as for {@code ROUND}.
 *   <li>A transform that does not fit the value (rounding a boolean or string, a result outside the
 *       value type's range) withholds the field: it is left out and named in
 *       {@link RecordView#withheld()}; a raw value is never passed on because a transform failed.
 * </ul>
 * The record, device and subject ids are replaced by the recipient's pseudonyms of them; in this
 * version the device id is pseudonymised for every recipient (no agreement can ask for the raw id).
 * The measurement time is truncated to the spec's resolution.
 */
public final class PrivacyTransformer {
    private final Pseudonymiser pseudonymiser;

    public PrivacyTransformer(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
    }

    /** The view of {@code record} for the recipient and fields of {@code spec}. */
    public RecordView view(CanonicalRecord record, ViewSpec spec) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(spec, "spec");
        RecipientPseudonymiser keyed = pseudonymiser.forRecipient(spec.recipientId());
        Map<String, FieldTransform> scope = spec.fields();
        List<ViewField> fields = new ArrayList<>(scope.size());
        List<String> withheld = new ArrayList<>(0);
        for (FieldValue field : record.fields()) {
            FieldTransform transform = scope.get(field.name());
            if (transform == null || transform.kind() == TransformKind.DROP) {
                continue;
            }
            ViewField transformed = apply(field, transform, keyed);
            if (transformed != null) {
                fields.add(transformed);
            } else if (!withheld.contains(field.name())) {
                withheld.add(field.name());
            }
        }
        String subject = record.subjectId();
        return new RecordView(
                keyed.pseudonym(record.id()),
                keyed.pseudonym(record.deviceId()),
                subject == null ? null : keyed.pseudonym(subject),
                truncate(record.time(), spec.timeResolution()),
                record.flagged(),
                fields,
                withheld);
    }

    /** {@link #view(CanonicalRecord, ViewSpec)} with the spec's parts. */
    public RecordView view(CanonicalRecord record, String recipientId, Map<String, FieldTransform> fields,
            @Nullable ChronoUnit timeResolution) {
        return view(record, new ViewSpec(recipientId, fields, timeResolution));
    }

    /** One field after {@code transform} (not {@code DROP}), or {@code null} if it must be withheld. */
    static @Nullable ViewField apply(FieldValue field, FieldTransform transform, RecipientPseudonymiser keyed) {
        return switch (transform.kind()) {
            case DROP -> null;
            case KEEP -> new ViewField(field.name(), field.type(), field.value(), field.unit(), field.category(),
                    TransformKind.KEEP);
            case PSEUDONYMISE -> pseudonymise(field, keyed);
            case ROUND -> generalise(field, stepOf(transform), Generalisation.ROUND_MODE, TransformKind.ROUND);
            case COARSEN_LOCATION -> generalise(field, stepOf(transform), Generalisation.COARSEN_MODE,
                    TransformKind.COARSEN_LOCATION);
        };
    }

    private static double stepOf(FieldTransform transform) {
        return Objects.requireNonNull(transform.step(), "step"); // the constructor guarantees it
    }

    private static @Nullable ViewField pseudonymise(FieldValue field, RecipientPseudonymiser keyed) {
        String input;
        switch (field.type()) {
            case STRING -> {
                input = (String) field.value();
                if (!PseudonymInput.isWellFormed(input)) {
                    return null;
                }
            }
            case INTEGER -> input = PseudonymInput.canonical((Long) field.value());
            case NUMBER -> input = PseudonymInput.canonical((Double) field.value());
            default -> {
                return null;
            }
        }
        return new ViewField(field.name(), FieldType.STRING, keyed.pseudonym(input), null, field.category(),
                TransformKind.PSEUDONYMISE);
    }

    private static @Nullable ViewField generalise(FieldValue field, double step, RoundingMode mode, TransformKind kind) {
        Object result;
        FieldType type;
        if (field.type() == FieldType.INTEGER && Generalisation.isIntegral(step)) {
            result = Generalisation.toMultiple((Long) field.value(), (long) step, mode);
            type = FieldType.INTEGER;
        } else if (field.type() == FieldType.INTEGER) {
            result = Generalisation.toMultiple((double) (Long) field.value(), step, mode);
            type = FieldType.NUMBER;
        } else if (field.type() == FieldType.NUMBER) {
            result = Generalisation.toMultiple((Double) field.value(), step, mode);
            type = FieldType.NUMBER;
        } else {
            return null;
        }
        if (result == null) {
            return null;
        }
        return new ViewField(field.name(), type, result, field.unit(), field.category(), kind);
    }

    /** {@code time} truncated to {@code unit} (UTC for weeks, months and years); unchanged if {@code null}. */
    static Instant truncate(Instant time, @Nullable ChronoUnit unit) {
        if (unit == null) {
            return time;
        }
        return switch (unit) {
            case WEEKS -> startOfDay(time.atOffset(ZoneOffset.UTC).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
            case MONTHS -> startOfDay(time.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
            case YEARS -> startOfDay(time.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfYear(1));
            default -> time.truncatedTo(unit);
        };
    }

    private static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
