package io.pactum.core.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.ledger.LedgerEntry;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.Product;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.ConsentReceipt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The JSON forms of the bundle's contents; times as ISO-8601 instants, enum values in lower case. */
final class EvidenceJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(INDENT).withArrayIndenter(INDENT));

    private EvidenceJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode period(EvidencePeriod period) {
        ObjectNode json = object();
        json.put("from", period.from().toString());
        json.put("to", period.to().toString());
        return json;
    }

    /** A decoded ledger entry; sealed details stay sealed. */
    static ObjectNode entry(LedgerEntry entry) {
        ObjectNode json = object();
        json.put("index", entry.index());
        json.put("time", entry.time().toString());
        json.put("type", entry.type().name());
        json.put("actor", entry.actor());
        ObjectNode details = json.putObject("details");
        entry.details().forEach(details::put);
        return json;
    }

    static ObjectNode checkpoint(StoredCheckpoint checkpoint) {
        ObjectNode json = object();
        json.put("treeSize", checkpoint.size());
        json.put("time", checkpoint.time().toString());
        json.put("note", checkpoint.note());
        return json;
    }

    static ObjectNode agreement(Agreement agreement) {
        ObjectNode json = object();
        json.put("id", agreement.id());
        json.put("recipientId", agreement.recipientId());
        strings(json.putArray("productIds"), agreement.productIds());
        strings(json.putArray("deviceGroupIds"), agreement.deviceGroupIds());
        ObjectNode fields = json.putObject("fields");
        for (Map.Entry<String, FieldTransform> field : new TreeMap<>(agreement.fields()).entrySet()) {
            ObjectNode transform = fields.putObject(field.getKey());
            transform.put("transform", lower(field.getValue().kind()));
            if (field.getValue().step() != null) {
                transform.put("step", field.getValue().step());
            }
        }
        json.put("purpose", agreement.purpose().wireName());
        json.put("purposeConcept", agreement.purpose().dpvConcept());
        json.put("legalBasis", agreement.legalBasis().wireName());
        json.put("validFrom", agreement.validFrom().toString());
        putTime(json, "validUntil", agreement.validUntil());
        json.put("rateLimitPerMinute", agreement.rateLimitPerMinute());
        json.put("commandsGranted", agreement.commands().size());
        json.put("state", lower(agreement.state()));
        json.put("createdAt", agreement.createdAt().toString());
        json.put("updatedAt", agreement.updatedAt().toString());
        return json;
    }

    static ObjectNode receipt(ConsentReceipt receipt, UnaryOperator<String> subjectView) {
        ObjectNode json = object();
        json.put("receiptId", receipt.receiptId());
        json.put("version", receipt.version());
        json.put("timestamp", receipt.timestamp().toString());
        json.put("subject", subjectView.apply(receipt.subjectId()));
        json.put("controllerId", receipt.controllerId());
        json.put("recipientId", receipt.recipientId());
        json.put("purpose", receipt.purpose().wireName());
        json.put("legalBasis", receipt.legalBasis().wireName());
        json.put("action", lower(receipt.action()));
        json.put("method", receipt.method());
        json.put("collectedBy", receipt.collectedBy());
        return json;
    }

    static ObjectNode product(Product product) {
        ObjectNode json = object();
        json.put("id", product.id());
        json.put("supplierId", product.supplierId());
        json.put("model", product.model());
        json.put("firmwareVersion", product.firmwareVersion());
        json.put("approvalState", lower(product.approvalState()));
        if (product.approvalNote() != null) {
            json.put("approvalNote", product.approvalNote());
        }
        json.put("retentionDays", product.ingestPolicy().retentionDays());
        ObjectNode fields = json.putObject("dataCategories");
        for (FieldSpec field : product.dataModel().fields()) {
            fields.put(field.name(), lower(field.category()));
        }
        json.put("updatedAt", product.updatedAt().toString());
        return json;
    }

    static ObjectNode recordOfProcessing(RecordOfProcessing record) {
        ObjectNode json = object();
        json.put("regulation", "GDPR Art. 30(1)");
        json.set("period", period(record.period()));
        json.set("controller", MAPPER.valueToTree(record.controller()));
        json.set("purposes", MAPPER.valueToTree(record.purposes()));
        json.set("dataSubjectCategories", MAPPER.valueToTree(record.dataSubjectCategories()));
        json.set("personalDataCategories", MAPPER.valueToTree(record.personalDataCategories()));
        json.set("otherDataCategories", MAPPER.valueToTree(record.otherDataCategories()));
        json.set("recipients", MAPPER.valueToTree(record.recipients()));
        json.put("thirdCountryTransfers", record.thirdCountryTransfers());
        json.set("erasureTimeLimits", MAPPER.valueToTree(record.erasureTimeLimits()));
        json.set("securityMeasures", MAPPER.valueToTree(record.securityMeasures()));
        return json;
    }

    /** A JSON text as a tree, e.g. a proof document. */
    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One line of a JSON Lines file. */
    static void writeLine(Writer out, JsonNode json) throws IOException {
        out.write(MAPPER.writeValueAsString(json));
        out.write('\n');
    }

    static void write(Path file, JsonNode json) {
        try {
            Files.writeString(file, PRETTY.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Values sorted, so one set has one text. */
    private static void strings(ArrayNode array, Collection<String> values) {
        new TreeSet<>(values).forEach(array::add);
    }

    private static void putTime(ObjectNode json, String name, @Nullable Instant time) {
        if (time == null) {
            json.putNull(name);
        } else {
            json.put(name, time.toString());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
