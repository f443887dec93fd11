package io.pactum.core.privacy;

import com.google.crypto.tink.prf.Prf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * One recipient's keyed pseudonym function, from {@link Pseudonymiser#forRecipient}. Thread-safe.
 */
public final class RecipientPseudonymiser {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Prf prf;

    RecipientPseudonymiser(Prf prf) {
        this.prf = prf;
    }

    /**
     * base64url (no padding) of the first 128 bits of HMAC-SHA256 under this recipient's key over the
     * UTF-8 bytes of {@code value}: 22 characters, equal for equal values. Throws
     * {@link IllegalArgumentException} for a string that is not well-formed Unicode (an unpaired
     * surrogate), which UTF-8 cannot encode without losing information.
     */
    public String pseudonym(String value) {
        Objects.requireNonNull(value, "value");
        if (!PseudonymInput.isWellFormed(value)) {
            throw new IllegalArgumentException("value is not well-formed Unicode");
        }
        try {
            return BASE64URL.encodeToString(prf.compute(value.getBytes(StandardCharsets.UTF_8), Pseudonymiser.PSEUDONYM_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("pseudonym computation failed", e);
        }
    }
}
