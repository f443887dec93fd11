package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.integrity.DeviceKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A device's public key for COSE_Sign1 messages: an Ed25519 or EC P-256 key, given as a PEM
 * {@code PUBLIC KEY} block or as base64 of its DER SubjectPublicKeyInfo, and stored as that DER.
 */
public final class DevicePublicKeys {
    private static final String FIELD = "publicKey";
    private static final int MAX_TEXT = 1024;

    private DevicePublicKeys() {}

    /** Parses and checks a key as a client sends it; returns its DER SubjectPublicKeyInfo. */
    public static byte[] parse(String text) {
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException(FIELD, "publicKey is too long for an Ed25519 or P-256 public key");
        }
        String base64 = text.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = base64.contains("-") || base64.contains("_")
                    ? Base64.getUrlDecoder().decode(base64) : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, "publicKey must be a PEM PUBLIC KEY block or base64 of its DER");
        }
        try {
            DeviceKeys.publicKey(toKey(der));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, "publicKey must be an Ed25519 or EC P-256 public key");
        }
        return der;
    }

    /** The key of a stored DER SubjectPublicKeyInfo; throws {@link IllegalArgumentException} if it is none. */
    public static PublicKey toKey(byte[] der) {
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not a key of this algorithm; try the next
            }
        }
        throw new IllegalArgumentException("not an Ed25519 or EC public key");
    }

    /** The stored key as base64 of its DER, the form the API shows. */
    public static String text(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
