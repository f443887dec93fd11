package io.pactum.core.ledger.subject;

import java.util.Base64;
import java.util.Objects;

/**
 * The text form of a sealed detail value: {@code sealed:v1:<keyId>:<base64url(nonce ‖ ciphertext ‖ tag)>},
 * base64url without padding. The key id is in clear so that a subject's entries can be found, and
 * a value whose key was erased recognised as such, without any key.
 */
public record SealedValue(String keyId, byte[] ciphertext) {
    static final String PREFIX = "sealed:v1:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public SealedValue {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isEmpty() || keyId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a key id is non-empty and holds no ':'");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Whether a detail value has the sealed form's prefix (it may still be malformed). */
    public static boolean isSealed(String value) {
        return value.startsWith(PREFIX);
    }

    /** Reads a sealed value; throws {@link IllegalArgumentException} if it is not of the form. */
    public static SealedValue parse(String value) {
        Objects.requireNonNull(value, "value");
        if (!isSealed(value)) {
            throw new IllegalArgumentException("not a sealed value: it does not start with '" + PREFIX + "'");
        }
        String rest = value.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new IllegalArgumentException("not a sealed value: expected " + PREFIX + "<keyId>:<ciphertext>");
        }
        try {
            return new SealedValue(rest.substring(0, colon), DECODER.decode(rest.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sealed value: the ciphertext is not base64url", e);
        }
    }

    /** The text form (class comment). */
    public String text() {
        return PREFIX + keyId + ":" + ENCODER.encodeToString(ciphertext);
    }
}
