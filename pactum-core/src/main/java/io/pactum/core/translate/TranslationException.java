package io.pactum.core.translate;

/**
 * A payload the translator cannot read. The message says what is wrong and where (record index,
 * JSON pointer or byte offset); it never quotes payload values, which may be personal data.
 */
public final class TranslationException extends RuntimeException {
    public TranslationException(String message) {
        super(message, null, false, false);
    }
}
