package io.pactum.storage.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.translate.TranslationSpec;

/**
 * Stores a product's {@link TranslationSpec} as JSON. The spec's members are the same names the
 * REST API accepts, so the stored form is the documented one; absent members are left out.
 */
final class TranslationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TranslationJson() {}

    static String write(TranslationSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a translation spec", e);
        }
    }

    static TranslationSpec read(String json) {
        try {
            return MAPPER.readValue(json, TranslationSpec.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored translation spec cannot be read; was the products table changed by hand?");
        }
    }
}
