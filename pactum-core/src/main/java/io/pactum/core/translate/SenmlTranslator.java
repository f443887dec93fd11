package io.pactum.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.registry.DataModel;
import io.pactum.core.registry.FieldSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a SenML pack (RFC 8428) in JSON or CBOR: resolves base name, time, unit and value record by
 * record, then maps each resolved name to a data-model field. A record for a name no field matches is
 * dropped; a record Pactum cannot read (no name, no value, a must-understand extension it does not
 * know, a newer version) makes the whole pack unreadable.
 */
final class SenmlTranslator implements PayloadTranslator {
    /** The version RFC 8428 defines; a pack declaring a newer one must not be used (§4.4). */
    static final long VERSION = 10;
    /** RFC 8428 §4.5.3: resolved times below 2^28 are relative to now. */
    static final double RELATIVE_LIMIT = 268_435_456.0;
    static final int MAX_RECORDS = 1024;
    private static final Pattern INTEGER_KEY = Pattern.compile("-?[0-9]+");

    private final boolean cbor;
    private final String format;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, SenmlMapping> byName = new HashMap<>();
    private final Map<String, FieldSpec> fields = new HashMap<>();
    private final Set<String> unmapped;

    SenmlTranslator(boolean cbor, TranslationSpec spec, DataModel model, Clock clock) {
        this.cbor = cbor;
        this.format = cbor ? "CBOR" : "JSON";
        this.mapper = cbor ? StrictParsers.CBOR : StrictParsers.JSON;
        this.clock = Objects.requireNonNull(clock, "clock");
        for (FieldSpec field : model.fields()) {
            fields.put(field.name(), field);
        }
        List<SenmlMapping> explicit = spec.senml() == null ? List.of() : spec.senml();
        for (SenmlMapping m : explicit) {
            byName.put(m.name(), m);
        }
        Set<String> mappedFields = explicit.stream().map(SenmlMapping::field).collect(Collectors.toSet());
        this.unmapped = fields.keySet().stream().filter(f -> !mappedFields.contains(f)).collect(Collectors.toSet());
    }

    /** Base values carried from record to record (RFC 8428 §4.1). */
    private static final class Base {
        String name = "";
        @Nullable Double time;
        @Nullable String unit;
        @Nullable Object value;
    }

    @Override
    public Readings translate(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        JsonNode root = StrictParsers.read(mapper, payload, format);
        if (!root.isArray()) {
            throw new TranslationException("SenML pack is " + Scalars.kind(root) + ", expected an array of records");
        }
        if (root.isEmpty()) {
            throw new TranslationException("SenML pack holds no records");
        }
        if (root.size() > MAX_RECORDS) {
            throw new TranslationException("SenML pack holds " + root.size() + " records, at most " + MAX_RECORDS + " are accepted");
        }
        Base base = new Base();
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            Reading reading = record(i, root.get(i), base);
            if (reading != null) {
                readings.add(reading);
            }
        }
        return new Readings(readings);
    }

    private @Nullable Reading record(int index, JsonNode node, Base base) {
        String where = "SenML record " + index;
        if (!node.isObject()) {
            throw new TranslationException(where + " is " + Scalars.kind(node) + ", expected an object");
        }
        Map<SenmlLabel, JsonNode> fields = labels(where, node);

        JsonNode version = fields.get(SenmlLabel.BVER);
        if (version != null) {
            if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
                throw new TranslationException(where + ": 'bver' must be a positive integer");
            }
            if (version.longValue() > VERSION) {
                throw new TranslationException(where + ": SenML version " + version.longValue()
                        + " is newer than version " + VERSION + ", which Pactum understands");
            }
        }
        if (fields.containsKey(SenmlLabel.BN)) {
            base.name = text(where, SenmlLabel.BN, fields);
        }
        if (fields.containsKey(SenmlLabel.BT)) {
            base.time = ((Number) number(where, SenmlLabel.BT, fields)).doubleValue();
        }
        if (fields.containsKey(SenmlLabel.BU)) {
            base.unit = text(where, SenmlLabel.BU, fields);
        }
        if (fields.containsKey(SenmlLabel.BV)) {
            base.value = number(where, SenmlLabel.BV, fields);
        }
        for (SenmlLabel numeric : List.of(SenmlLabel.BS, SenmlLabel.S, SenmlLabel.UT)) {
            if (fields.containsKey(numeric)) {
                number(where, numeric, fields); // checked for well-formedness; Pactum does not use sums or update times
            }
        }

        String name = base.name + (fields.containsKey(SenmlLabel.N) ? text(where, SenmlLabel.N, fields) : "");
        if (name.isEmpty()) {
            throw new TranslationException(where + " has no name: neither 'n' nor a base name 'bn'");
        }
        if (!SenmlMapping.NAME.matcher(name).matches()) {
            throw new TranslationException(where + ": the resolved name is not a valid SenML name (RFC 8428 §4.5.1)");
        }
        Object value = value(where, fields, base);
        // The base unit qualifies numbers; a string, boolean or data value does not inherit it.
        String unit = fields.containsKey(SenmlLabel.U) ? text(where, SenmlLabel.U, fields)
                : fields.containsKey(SenmlLabel.V) ? base.unit : null;
        Instant time = time(where, fields, base);

        SenmlMapping mapping = byName.get(name);
        String field = mapping != null ? mapping.field() : defaultField(name);
        if (field == null) {
            return null;
        }
        if (mapping != null && LinearConversion.present(mapping.scale(), mapping.offset())
                && (unit == null || unit.equals(mapping.unit()))) {
            if (!(value instanceof Number)) {
                throw new TranslationException(where + ": '" + name + "' is converted between units, so it needs a numeric 'v'");
            }
            value = LinearConversion.apply(value, mapping.scale(), mapping.offset());
            unit = this.fields.get(field).unit();
        }
        // A record in a unit other than the mapping's keeps its unit: the validator reports the mismatch.
        return new Reading(field, value, unit, time);
    }

    /** Resolved name equals the field name, or ends with ':' or '/' and the field name. */
    private @Nullable String defaultField(String name) {
        if (unmapped.contains(name)) {
            return name;
        }
        int cut = Math.max(name.lastIndexOf(':'), name.lastIndexOf('/'));
        if (cut >= 0 && unmapped.contains(name.substring(cut + 1))) {
            return name.substring(cut + 1);
        }
        return null;
    }

    private Map<SenmlLabel, JsonNode> labels(String where, JsonNode node) {
        Map<SenmlLabel, JsonNode> fields = new EnumMap<>(SenmlLabel.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            SenmlLabel label = SenmlLabel.of(key, cbor);
            if (label != null) {
                fields.put(label, entry.getValue());
            } else if (key.endsWith("_")) {
                // RFC 8428 §4.4: a field ending in '_' must be understood, or the pack must not be used.
                throw new TranslationException(where + ": must-understand field '" + printable(key) + "' is not supported");
            } else if (cbor && INTEGER_KEY.matcher(key).matches()) {
                // RFC 8428 §6: the integer labels are a closed set; extensions use text keys.
                throw new TranslationException(where + ": unknown CBOR label " + printable(key));
            }
            // Other unknown fields are ignored, as RFC 8428 §4.4 requires.
        }
        return fields;
    }

    private static Object value(String where, Map<SenmlLabel, JsonNode> fields, Base base) {
        int count = 0;
        for (SenmlLabel label : List.of(SenmlLabel.V, SenmlLabel.VS, SenmlLabel.VB, SenmlLabel.VD)) {
            count += fields.containsKey(label) ? 1 : 0;
        }
        if (count == 0) {
            throw new TranslationException(where + " has no value: one of 'v', 'vs', 'vb' or 'vd' is required"
                    + (fields.containsKey(SenmlLabel.S) ? " (a sum alone is not read)" : ""));
        }
        if (count > 1) {
            throw new TranslationException(where + " has more than one of 'v', 'vs', 'vb', 'vd'");
        }
        if (fields.containsKey(SenmlLabel.V)) {
            return plus(where, base.value, number(where, SenmlLabel.V, fields));
        }
        if (fields.containsKey(SenmlLabel.VS)) {
            return text(where, SenmlLabel.VS, fields);
        }
        if (fields.containsKey(SenmlLabel.VB)) {
            JsonNode vb = fields.get(SenmlLabel.VB);
            if (!vb.isBoolean()) {
                throw new TranslationException(where + ": 'vb' must be a boolean");
            }
            return vb.booleanValue();
        }
        JsonNode vd = fields.get(SenmlLabel.VD);
        // JSON carries data values as base64url text (§5), CBOR as a byte string (§6); both become base64url text.
        if (vd.isBinary()) {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(vd.binaryValue());
            } catch (java.io.IOException e) {
                throw new TranslationException(where + ": 'vd' is not a byte string");
            }
        }
        if (vd.isTextual()) {
            try {
                Base64.getUrlDecoder().decode(vd.textValue());
                return vd.textValue();
            } catch (IllegalArgumentException e) {
                throw new TranslationException(where + ": 'vd' must be base64url");
            }
        }
        throw new TranslationException(where + ": 'vd' must be " + "base64url text or a byte string");
    }

    private static Object plus(String where, @Nullable Object base, Object value) {
        if (base == null) {
            return value;
        }
        if (base instanceof Long b && value instanceof Long v) {
            try {
                return Math.addExact(b, v);
            } catch (ArithmeticException e) {
                throw new TranslationException(where + ": 'bv' + 'v' overflows");
            }
        }
        double sum = ((Number) base).doubleValue() + ((Number) value).doubleValue();
        if (!Double.isFinite(sum)) {
            throw new TranslationException(where + ": 'bv' + 'v' must be a finite number");
        }
        return sum;
    }

    private @Nullable Instant time(String where, Map<SenmlLabel, JsonNode> fields, Base base) {
        if (!fields.containsKey(SenmlLabel.T) && base.time == null) {
            return null; // no time given: "now", which the pipeline records as the receive time
        }
        double t = fields.containsKey(SenmlLabel.T) ? ((Number) number(where, SenmlLabel.T, fields)).doubleValue() : 0;
        double resolved = (base.time == null ? 0 : base.time) + t;
        if (resolved < RELATIVE_LIMIT) {
            Instant now = clock.instant();
            double seconds = now.getEpochSecond() + now.getNano() / 1e9 + resolved;
            return Scalars.epochSeconds(seconds, where + ": the relative time");
        }
        return Scalars.epochSeconds(resolved, where + ": the time");
    }

    private static Object number(String where, SenmlLabel label, Map<SenmlLabel, JsonNode> fields) {
        JsonNode node = fields.get(label);
        if (!node.isNumber()) {
            throw new TranslationException(where + ": '" + label.json() + "' must be a number");
        }
        return Scalars.number(node, where + ": '" + label.json() + "'");
    }

    private static String text(String where, SenmlLabel label, Map<SenmlLabel, JsonNode> fields) {
        JsonNode node = fields.get(label);
        if (!node.isTextual()) {
            throw new TranslationException(where + ": '" + label.json() + "' must be a string");
        }
        return node.textValue();
    }

    /** Keys are names, not values, but a hostile one should still not flood a log line. */
    private static String printable(String key) {
        String safe = key.replaceAll("[^A-Za-z0-9_:./-]", "?");
        return safe.length() > 32 ? safe.substring(0, 32) + "..." : safe;
    }
}
