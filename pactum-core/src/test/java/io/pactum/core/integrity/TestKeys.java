package io.pactum.core.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Keys for tests: generated ones, and the JWK-like keys of the COSE working group's examples. */
final class TestKeys {
    private static final HexFormat HEX = HexFormat.of();
    // SubjectPublicKeyInfo prefixes for raw RFC 8410 keys (OID 1.3.101.112 Ed25519, 1.3.101.113 Ed448)
    private static final String ED25519_SPKI = "302a300506032b6570032100";
    private static final String ED448_SPKI = "3043300506032b6571033a00";

    private TestKeys() {}

    static KeyPair ed25519() {
        return generate("Ed25519", null);
    }

    static KeyPair p256() {
        return generate("EC", "secp256r1");
    }

    static KeyPair p384() {
        return generate("EC", "secp384r1");
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The device keys a working-group example gives: {@code k} (oct), {@code x}/{@code y} (EC P-256) or {@code x_hex} (OKP). */
    static DeviceKeys fromJwk(JsonNode jwk) {
        String kty = jwk.get("kty").asText();
        return switch (kty) {
            case "oct" -> DeviceKeys.mac(b64url(jwk.get("k").asText()));
            case "EC" -> DeviceKeys.publicKey(p256PublicKey(b64url(jwk.get("x").asText()), b64url(jwk.get("y").asText())));
            case "OKP" -> DeviceKeys.publicKey(okpPublicKey(jwk.get("crv").asText(), HEX.parseHex(jwk.get("x_hex").asText())));
            default -> throw new IllegalArgumentException("unexpected kty " + kty);
        };
    }

    static PublicKey okpPublicKey(String curve, byte[] x) {
        String prefix = switch (curve) {
            case "Ed25519" -> ED25519_SPKI;
            case "Ed448" -> ED448_SPKI;
            default -> throw new IllegalArgumentException(curve);
        };
        try {
            byte[] spki = HEX.parseHex(prefix + HEX.formatHex(x));
            return KeyFactory.getInstance(curve).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey p256PublicKey(byte[] x, byte[] y) {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] b64url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
