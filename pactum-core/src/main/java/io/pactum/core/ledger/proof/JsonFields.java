package io.pactum.core.ledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.merkle.Hash;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Strict typed reads of one JSON object's fields: each field present, of its one type, and nothing
 * else. Every failure names the field, so a caller can tell exactly which part of a document is wrong.
 */
final class JsonFields {
    private final ObjectNode object;

    JsonFields(ObjectNode object) {
        this.object = object;
    }

    /** Rejects the first field not in {@code allowed}. */
    void requireOnly(Set<String> allowed) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, "unknown field");
            }
        }
    }

    String text(String field) {
        JsonNode node = require(field);
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return node.textValue();
    }

    /** A string or an explicit null: the field itself must still be present. */
    @Nullable String nullableText(String field) {
        return require(field).isNull() ? null : text(field);
    }

    /** A JSON integer from 0 to 2^63 - 1; fractions and exponents are refused, not rounded. */
    long count(String field) {
        JsonNode node = require(field);
        if (!node.isIntegralNumber()) {
            throw new InvalidInputException(field, "must be an integer");
        }
        if (!node.canConvertToLong()) {
            throw new InvalidInputException(field, "is out of range");
        }
        long value = node.longValue();
        if (value < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
        return value;
    }

    byte[] base64(String field) {
        return decode(text(field), field);
    }

    Hash hash(String field) {
        return toHash(base64(field), field);
    }

    List<Hash> hashes(String field) {
        JsonNode node = require(field);
        if (!node.isArray()) {
            throw new InvalidInputException(field, "must be an array of base64 hashes");
        }
        if (node.size() > ProofLimits.MAX_PATH) {
            throw new InvalidInputException(field, "a path has at most " + ProofLimits.MAX_PATH + " hashes, got " + node.size());
        }
        List<Hash> hashes = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String element = field + "[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new InvalidInputException(element, "must be a base64 string");
            }
            hashes.add(toHash(decode(item.textValue(), element), element));
        }
        return hashes;
    }

    private JsonNode require(String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            throw new InvalidInputException(field, "is missing");
        }
        return node;
    }

    /** Standard base64 with padding, in its one canonical spelling, so a document has one text. */
    private static byte[] decode(String text, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not standard base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new InvalidInputException(field, "is not canonical padded standard base64");
        }
        return bytes;
    }

    private static Hash toHash(byte[] bytes, String field) {
        if (bytes.length != Hash.SIZE) {
            throw new InvalidInputException(field, "a hash is " + Hash.SIZE + " bytes, got " + bytes.length);
        }
        return Hash.of(bytes);
    }
}
