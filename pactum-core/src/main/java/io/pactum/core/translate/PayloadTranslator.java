package io.pactum.core.translate;

/**
 * Turns one message payload of a product into readings named by the product's data-model fields.
 * Values for names the data model does not declare are dropped, not rejected: suppliers add
 * diagnostics to their messages, and only declared fields may ever leave the hub.
 * Implementations are immutable and thread-safe.
 */
public interface PayloadTranslator {
    /** Payloads larger than this are refused before parsing. */
    int MAX_PAYLOAD_BYTES = 64 * 1024;

    /**
     * @throws TranslationException if the payload cannot be read; the message says what is wrong
     */
    Readings translate(byte[] payload);
}
