package io.pactum.core.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson set up for untrusted device payloads: bounded size and depth, duplicate keys and trailing
 * content rejected, and failures reported by position without echoing payload content.
 */
final class StrictParsers {
    static final int MAX_DEPTH = 16;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(64)
            .maxStringLength(PayloadTranslator.MAX_PAYLOAD_BYTES)
            .maxNameLength(256)
            .build();
    private static final Pattern QUOTED = Pattern.compile("['\"]([A-Za-z0-9_:./-]{1,64})['\"]");

    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static final ObjectMapper CBOR = CBORMapper.builder(CBORFactory.builder()
                    .streamReadConstraints(LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private StrictParsers() {}

    static void checkSize(byte[] payload) {
        if (payload.length == 0) {
            throw new TranslationException("payload is empty");
        }
        if (payload.length > PayloadTranslator.MAX_PAYLOAD_BYTES) {
            throw new TranslationException("payload is " + payload.length + " bytes, at most "
                    + PayloadTranslator.MAX_PAYLOAD_BYTES + " are accepted");
        }
    }

    /** Parses a whole payload; {@code format} ("JSON", "CBOR") names it in messages. */
    static JsonNode read(ObjectMapper mapper, byte[] payload, String format) {
        checkSize(payload);
        try {
            return mapper.readTree(payload);
        } catch (StreamConstraintsException e) {
            String original = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
            if (original.contains("nesting depth")) {
                throw new TranslationException(format + " nested deeper than " + MAX_DEPTH + " levels");
            }
            throw new TranslationException(format + " value exceeds the size limits" + at(e));
        } catch (JsonEOFException e) {
            throw new TranslationException("truncated " + format + at(e));
        } catch (JsonProcessingException e) {
            String original = String.valueOf(e.getOriginalMessage());
            if (original.startsWith("Duplicate")) {
                Matcher name = QUOTED.matcher(original);
                throw new TranslationException("duplicate key" + (name.find() ? " '" + name.group(1) + "'" : "")
                        + " in " + format + at(e));
            }
            if (original.startsWith("Trailing token")) {
                throw new TranslationException("unexpected content after the " + format + " value" + at(e));
            }
            if (original.toLowerCase(Locale.ROOT).contains("unexpected end-of-input")) {
                throw new TranslationException("truncated " + format + at(e));
            }
            if (original.contains("No content to map")) {
                throw new TranslationException("payload holds no " + format + " value");
            }
            throw new TranslationException("invalid " + format + at(e));
        } catch (IOException e) {
            throw new TranslationException("invalid " + format);
        }
    }

    private static String at(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "";
        }
        long offset = e.getLocation().getByteOffset();
        return offset >= 0 ? " at byte " + offset : "";
    }
}
