package io.pactum.core.registry;

import io.pactum.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Request to provision a device. Without an {@code id} one is generated; without a {@code secret}
 * the hub generates a strong one. Either way the secret and the MAC key are returned once.
 * {@code ownerId} is for the operator provisioning on an organisation's behalf; {@code publicKey}
 * (Ed25519 or P-256, PEM or base64 DER) is for devices that sign their messages with COSE_Sign1.
 */
public record NewDevice(
        @Nullable String id,
        String productId,
        @Nullable String ownerId,
        @Nullable String subjectId,
        @Nullable String secret,
        @Nullable String certificateFingerprint,
        @Nullable String publicKey) {

    /** Long enough that a guessed or brute-forced secret is out of reach even against a leaked hash. */
    public static final int MIN_SECRET_LENGTH = 16;
    public static final int MAX_SECRET_LENGTH = 256;

    public NewDevice {
        Checks.optionalIdentifier("id", id);
        Checks.identifier("productId", productId);
        Checks.optionalIdentifier("ownerId", ownerId);
        Checks.optionalIdentifier("subjectId", subjectId);
        if (secret != null && (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH)) {
            throw new InvalidInputException("secret", "secret must be " + MIN_SECRET_LENGTH + " to "
                    + MAX_SECRET_LENGTH + " characters; omit it to have the hub generate one");
        }
        if (secret != null && secret.startsWith(io.pactum.core.security.BearerTokens.PREFIX)) {
            // MQTT tells partners from devices by a password in the form of an API token (docs/mqtt.md)
            throw new InvalidInputException("secret", "secret must not start with '"
                    + io.pactum.core.security.BearerTokens.PREFIX + "', the form of API tokens");
        }
        certificateFingerprint = DeviceCredentials.normaliseFingerprint(certificateFingerprint);
        if (publicKey != null) {
            DevicePublicKeys.parse(publicKey);
        }
    }

    /** A device without a public key for COSE_Sign1. */
    public NewDevice(@Nullable String id, String productId, @Nullable String ownerId, @Nullable String subjectId,
            @Nullable String secret, @Nullable String certificateFingerprint) {
        this(id, productId, ownerId, subjectId, secret, certificateFingerprint, null);
    }

    @Override
    public String toString() {
        return "NewDevice[id=" + id + ", productId=" + productId + ", secret=<redacted>]";
    }
}
