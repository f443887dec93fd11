package io.pactum.core.ledger.proof;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.merkle.Hash;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of proof documents (version 1), as the API returns and {@code pactum audit verify}
 * reads them. Fields in a fixed order, hashes and entry bytes in padded standard base64, sizes and
 * indexes as JSON integers, checkpoint notes as strings (or null), pretty-printed with "\n" line
 * ends, so one document has exactly one text. Parsing is strict: an unknown, missing, duplicated or
 * mistyped field is refused, naming the field.
 */
public final class ProofJson {
    public static final int VERSION = 1;
    /** Far above any real document (an entry is at most about 2 MiB), far below a memory problem. */
    public static final int MAX_LENGTH = 8 << 20;

    static final String INCLUSION = "inclusion";
    static final String CONSISTENCY = "consistency";
    private static final Set<String> INCLUSION_FIELDS = Set.of("type", "version", "origin", "treeSize",
            "leafIndex", "entry", "leafHash", "auditPath", "rootHash", "checkpoint");
    private static final Set<String> CONSISTENCY_FIELDS = Set.of("type", "version", "origin", "fromSize",
            "toSize", "fromRootHash", "toRootHash", "path", "fromCheckpoint", "toCheckpoint");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([A-Za-z0-9_]{1,64})'");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(4)
                            .maxNumberLength(32)
                            .maxNameLength(256)
                            .maxStringLength(MAX_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    // Fixed indentation and "\n" whatever the platform, so the text is the same everywhere.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT));

    private ProofJson() {}

    public static String write(InclusionProofDocument doc) {
        ObjectNode json = header(INCLUSION, doc.origin());
        json.put("treeSize", doc.treeSize());
        json.put("leafIndex", doc.leafIndex());
        json.put("entry", Base64.getEncoder().encodeToString(doc.entry()));
        json.put("leafHash", doc.leafHash().base64());
        hashes(json.putArray("auditPath"), doc.auditPath());
        json.put("rootHash", doc.rootHash().base64());
        putNote(json, "checkpoint", doc.checkpoint());
        return print(json);
    }

    public static String write(ConsistencyProofDocument doc) {
        ObjectNode json = header(CONSISTENCY, doc.origin());
        json.put("fromSize", doc.fromSize());
        json.put("toSize", doc.toSize());
        json.put("fromRootHash", doc.fromRootHash().base64());
        json.put("toRootHash", doc.toRootHash().base64());
        hashes(json.putArray("path"), doc.path());
        putNote(json, "fromCheckpoint", doc.fromCheckpoint());
        putNote(json, "toCheckpoint", doc.toCheckpoint());
        return print(json);
    }

    /** Writes either kind of document. */
    public static String write(ProofDocument doc) {
        Objects.requireNonNull(doc, "doc");
        if (doc instanceof InclusionProofDocument inclusion) {
            return write(inclusion);
        }
        return write((ConsistencyProofDocument) doc);
    }

    /** Reads a document; anything but a well-formed version-1 document is an {@link InvalidInputException}. */
    public static ProofDocument parse(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_LENGTH) {
            throw new InvalidInputException("document", "longer than " + MAX_LENGTH + " characters");
        }
        if (!(readTree(json) instanceof ObjectNode object)) {
            throw new InvalidInputException("document", "must be a JSON object");
        }
        JsonFields fields = new JsonFields(object);
        String type = fields.text("type");
        if (!type.equals(INCLUSION) && !type.equals(CONSISTENCY)) {
            throw new InvalidInputException("type", "must be \"inclusion\" or \"consistency\"");
        }
        long version = fields.count("version");
        if (version != VERSION) {
            throw new InvalidInputException("version", "version " + version + " is not supported; this reader knows " + VERSION);
        }
        if (type.equals(INCLUSION)) {
            fields.requireOnly(INCLUSION_FIELDS);
            return new InclusionProofDocument(fields.text("origin"), fields.count("treeSize"), fields.count("leafIndex"),
                    fields.base64("entry"), fields.hash("leafHash"), fields.hashes("auditPath"), fields.hash("rootHash"),
                    fields.nullableText("checkpoint"));
        }
        fields.requireOnly(CONSISTENCY_FIELDS);
        return new ConsistencyProofDocument(fields.text("origin"), fields.count("fromSize"), fields.count("toSize"),
                fields.hash("fromRootHash"), fields.hash("toRootHash"), fields.hashes("path"),
                fields.nullableText("fromCheckpoint"), fields.nullableText("toCheckpoint"));
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Name a duplicated field; otherwise say where, without echoing the input.
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw new InvalidInputException(duplicate.group(1), "appears more than once");
            }
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException("document", "is not well-formed JSON" + at);
        }
    }

    private static ObjectNode header(String type, String origin) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("type", type);
        json.put("version", VERSION);
        json.put("origin", origin);
        return json;
    }

    private static void hashes(ArrayNode array, List<Hash> hashes) {
        hashes.forEach(hash -> array.add(hash.base64()));
    }

    private static void putNote(ObjectNode json, String field, @Nullable String note) {
        if (note == null) {
            json.putNull(field);
        } else {
            json.put(field, note);
        }
    }

    private static String print(ObjectNode json) {
        try {
            return WRITER.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }
}
