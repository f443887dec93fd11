package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import java.util.Base64;

/**
 * Standard base64 (RFC 4648 section 4) that accepts only the one spelling the encoder produces.
 * The JDK decoder tolerates missing padding and non-zero trailing bits; accepting those would give
 * one signature or hash several encodings, so a changed character could go unnoticed.
 */
final class CanonicalBase64 {
    private CanonicalBase64() {}

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] decode(String text, String field, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, what + " is not standard base64");
        }
        if (!encode(bytes).equals(text)) {
            throw new InvalidInputException(field, what + " is not canonical base64 (padding or trailing bits)");
        }
        return bytes;
    }
}
