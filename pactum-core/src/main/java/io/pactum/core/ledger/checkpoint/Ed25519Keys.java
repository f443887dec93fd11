package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Converts between the JDK's Ed25519 keys and the raw 32-byte keys (RFC 8032) that notes carry. */
final class Ed25519Keys {
    static final int PUBLIC_KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;
    // SubjectPublicKeyInfo header for OID 1.3.101.112 (RFC 8410); the JDK encodes public keys this way.
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {}

    static byte[] raw(PublicKey key) {
        requireEd25519(key, "publicKey");
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != SPKI_PREFIX.length + PUBLIC_KEY_LENGTH
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new InvalidInputException("publicKey", "not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    }

    static PublicKey fromRaw(byte[] raw) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("publicKey", "not a valid Ed25519 public key");
        }
    }

    static void requireEd25519(Key key, String field) {
        // The JDK reports "EdDSA" for keys from KeyPairGenerator("Ed25519"); Ed448 is told apart by encoding.
        if (!key.getAlgorithm().equals("EdDSA") && !key.getAlgorithm().equals("Ed25519")) {
            throw new InvalidInputException(field, "notes are signed with Ed25519 keys, not " + key.getAlgorithm());
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code privateKey} signs what {@code publicKey} verifies: a mismatched pair would publish unverifiable notes. */
    static boolean isPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "pactum key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(probe);
            return verify(publicKey, probe, signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A key or signature the provider cannot decode is simply not a valid signature.
            return false;
        }
    }
}
