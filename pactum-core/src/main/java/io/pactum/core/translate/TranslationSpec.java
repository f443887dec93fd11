package io.pactum.core.translate;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.FieldType;
import io.pactum.core.registry.PayloadFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a product's payloads map to its data model. At most one member is present, matching the
 * product's payload format; an empty spec ({@code {}}) means the format's default:
 * <ul>
 *   <li>{@code json}: mappings by JSON pointer; fields without a mapping are read from the
 *       top-level member of the same name;</li>
 *   <li>{@code senml}: mappings by resolved SenML name; fields without a mapping are read from
 *       records whose resolved name equals the field name or ends with {@code :} or {@code /} and
 *       the field name;</li>
 *   <li>{@code binary}: the fixed layout; required for the binary format, which has no default.</li>
 * </ul>
 */
public record TranslationSpec(
        @Nullable List<JsonMapping> json,
        @Nullable List<SenmlMapping> senml,
        @Nullable BinaryLayout binary) {

    public static final int MAX_MAPPINGS = 256;
    /** Every format read by its defaults (not valid for the binary format, which needs a layout). */
    public static final TranslationSpec DEFAULTS = new TranslationSpec(null, null, null);

    public TranslationSpec {
        int present = (json != null ? 1 : 0) + (senml != null ? 1 : 0) + (binary != null ? 1 : 0);
        if (present > 1) {
            throw new InvalidInputException(null, "a translation spec holds at most one of json, senml, binary");
        }
        json = json == null ? null : checkList("json", json, JsonMapping::field);
        senml = senml == null ? null : checkList("senml", senml, SenmlMapping::field);
        if (senml != null) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < senml.size(); i++) {
                if (!names.add(senml.get(i).name())) {
                    throw new InvalidInputException("senml[" + i + "].name",
                            "SenML name '" + senml.get(i).name() + "' is mapped twice");
                }
            }
        }
    }

    /** The spec that reads a format by its defaults; {@code BINARY} has none. */
    public static TranslationSpec defaultFor(PayloadFormat format) {
        Objects.requireNonNull(format, "format");
        if (format == PayloadFormat.BINARY) {
            throw new InvalidInputException("binary", "the binary format needs a declared layout");
        }
        return new TranslationSpec(null, null, null);
    }

    /**
     * Checks that this spec fits the product: the member matches the format, every mapping names a
     * declared field, and each conversion or binary type can produce the field's type.
     *
     * @throws InvalidInputException naming the offending member, e.g. {@code json[1].field}
     */
    public void validateAgainst(DataModel model, PayloadFormat format) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(format, "format");
        switch (format) {
            case JSON -> {
                refuse("senml", senml, format);
                refuse("binary", binary, format);
            }
            case SENML_JSON, SENML_CBOR -> {
                refuse("json", json, format);
                refuse("binary", binary, format);
            }
            case BINARY -> {
                refuse("json", json, format);
                refuse("senml", senml, format);
                if (binary == null) {
                    throw new InvalidInputException("binary", "the binary format needs a declared layout");
                }
            }
        }
        if (json != null) {
            for (int i = 0; i < json.size(); i++) {
                JsonMapping m = json.get(i);
                FieldSpec spec = declared(model, "json[" + i + "]", m.field());
                SpecChecks.convertibleInto("json[" + i + "]", spec.type(), m.scale(), m.offset());
            }
        }
        if (senml != null) {
            for (int i = 0; i < senml.size(); i++) {
                SenmlMapping m = senml.get(i);
                FieldSpec spec = declared(model, "senml[" + i + "]", m.field());
                SpecChecks.convertibleInto("senml[" + i + "]", spec.type(), m.scale(), m.offset());
            }
        }
        if (binary != null) {
            for (int i = 0; i < binary.fields().size(); i++) {
                BinaryField f = binary.fields().get(i);
                String member = "binary.fields[" + i + "]";
                FieldSpec spec = declared(model, member, f.field());
                if (!spec.type().isNumeric()) {
                    throw new InvalidInputException(member + ".type", member + ": field '" + f.field()
                            + "' is " + spec.type().name().toLowerCase(java.util.Locale.ROOT)
                            + ", a binary layout holds numbers only");
                }
                if (spec.type() == FieldType.INTEGER && f.type().floating()) {
                    throw new InvalidInputException(member + ".type",
                            member + ": integer field '" + f.field() + "' cannot be read from a floating-point value");
                }
                SpecChecks.convertibleInto(member, spec.type(), f.scale(), f.offset());
            }
        }
    }

    private static FieldSpec declared(DataModel model, String member, String field) {
        return model.field(field).orElseThrow(() -> new InvalidInputException(member + ".field",
                member + ".field: '" + field + "' is not a field of the data model"));
    }

    private static void refuse(String member, @Nullable Object value, PayloadFormat format) {
        if (value != null) {
            throw new InvalidInputException(member, member + " does not apply to payload format "
                    + format.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static <T> List<T> checkList(String member, List<T> items, java.util.function.Function<T, String> field) {
        if (items.size() > MAX_MAPPINGS) {
            throw new InvalidInputException(member, member + " holds at most " + MAX_MAPPINGS + " mappings");
        }
        Set<String> fields = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                throw new InvalidInputException(member + "[" + i + "]", member + "[" + i + "] must not be null");
            }
            if (!fields.add(field.apply(item))) {
                throw new InvalidInputException(member + "[" + i + "].field",
                        "field '" + field.apply(item) + "' is mapped twice");
            }
        }
        return List.copyOf(items);
    }
}
