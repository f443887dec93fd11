package io.pactum.core.integrity;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The keys a device protects its messages with: a 32-byte HMAC-SHA256 key, a public key (Ed25519
 * or EC P-256), both, or neither. The key decides the algorithm: a message can only name an
 * algorithm that fits a key the device has, so it can never pick a weaker one.
 */
public record DeviceKeys(byte @Nullable [] macKey, @Nullable PublicKey publicKey) {
    public static final int MAC_KEY_BYTES = 32;
    private static final ECParameterSpec P256 = p256();

    public DeviceKeys {
        if (macKey != null) {
            if (macKey.length != MAC_KEY_BYTES) {
                throw new IllegalArgumentException("a device MAC key must be " + MAC_KEY_BYTES + " bytes");
            }
            macKey = macKey.clone();
        }
        if (publicKey != null && !isEd25519(publicKey) && !isP256(publicKey)) {
            throw new IllegalArgumentException("a device public key must be Ed25519 or EC P-256, not "
                    + publicKey.getAlgorithm());
        }
    }

    public static DeviceKeys mac(byte[] macKey) {
        return new DeviceKeys(Objects.requireNonNull(macKey, "macKey"), null);
    }

    public static DeviceKeys publicKey(PublicKey publicKey) {
        return new DeviceKeys(null, Objects.requireNonNull(publicKey, "publicKey"));
    }

    @Override
    public byte @Nullable [] macKey() {
        return macKey == null ? null : macKey.clone();
    }

    /** True if the device has a key of the kind the algorithm needs. */
    boolean fits(CoseAlgorithm alg) {
        return switch (alg) {
            case HMAC_256_256 -> macKey != null;
            case EDDSA -> publicKey != null && isEd25519(publicKey);
            case ES256 -> publicKey != null && isP256(publicKey);
        };
    }

    /** Without copying, for the verifier in this package. */
    byte @Nullable [] macKeyUnsafe() {
        return macKey;
    }

    static boolean isEd25519(PublicKey key) {
        return key instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
    }

    static boolean isP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        ECParameterSpec params = ec.getParams();
        return params.getCurve().equals(P256.getCurve())
                && params.getOrder().equals(P256.getOrder())
                && params.getGenerator().equals(P256.getGenerator())
                && params.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's EC provider must support P-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceKeys other
                && Arrays.equals(macKey, other.macKey)
                && Objects.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(macKey) + Objects.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "DeviceKeys[macKey=" + (macKey == null ? "none" : "present") + ", publicKey="
                + (publicKey == null ? "none" : isEd25519(publicKey) ? "Ed25519" : "P-256") + "]";
    }
}
