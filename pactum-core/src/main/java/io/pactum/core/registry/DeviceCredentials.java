package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a device authenticates and protects its messages with, as stored: the secret only as a
 * salted slow hash, the MAC key only sealed under the hub's master key, optionally the SHA-256
 * fingerprint of a registered X.509 client certificate, and optionally the public key
 * (DER SubjectPublicKeyInfo) its COSE_Sign1 messages verify with.
 */
public record DeviceCredentials(String secretHash, @Nullable String certificateFingerprint, byte[] sealedMacKey,
        byte @Nullable [] publicKey) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public DeviceCredentials {
        Objects.requireNonNull(secretHash, "secretHash");
        certificateFingerprint = normaliseFingerprint(certificateFingerprint);
        Objects.requireNonNull(sealedMacKey, "sealedMacKey");
        sealedMacKey = sealedMacKey.clone();
        publicKey = publicKey == null ? null : publicKey.clone();
    }

    /** Credentials of a device without a public key. */
    public DeviceCredentials(String secretHash, @Nullable String certificateFingerprint, byte[] sealedMacKey) {
        this(secretHash, certificateFingerprint, sealedMacKey, null);
    }

    @Override
    public byte[] sealedMacKey() {
        return sealedMacKey.clone();
    }

    @Override
    public byte @Nullable [] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    /**
     * Accepts the usual spellings of a SHA-256 certificate fingerprint (hex, upper or lower case,
     * optionally separated by colons) and returns lower-case hex without separators.
     */
    public static @Nullable String normaliseFingerprint(@Nullable String fingerprint) {
        if (fingerprint == null) {
            return null;
        }
        String hex = fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new InvalidInputException("certificateFingerprint",
                    "certificateFingerprint must be the SHA-256 fingerprint of the certificate: 64 hex digits, colons allowed");
        }
        return hex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceCredentials other
                && secretHash.equals(other.secretHash)
                && Objects.equals(certificateFingerprint, other.certificateFingerprint)
                && java.util.Arrays.equals(sealedMacKey, other.sealedMacKey)
                && java.util.Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretHash, certificateFingerprint, java.util.Arrays.hashCode(sealedMacKey),
                java.util.Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return "DeviceCredentials[certificateFingerprint=" + certificateFingerprint + ", secret and key redacted]";
    }

}
