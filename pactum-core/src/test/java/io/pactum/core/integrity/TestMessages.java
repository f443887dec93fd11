package io.pactum.core.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds device messages in tests, including deliberately wrong ones (core cannot use the SDK). */
final class TestMessages {
    static final byte[] NO_AAD = new byte[0];

    private TestMessages() {}

    /** The Pactum protected header: alg, kid, counter. */
    static Map<Object, Object> header(long alg, String deviceId, long counter) {
        Map<Object, Object> header = new LinkedHashMap<>();
        header.put(1L, alg);
        header.put(4L, deviceId.getBytes(StandardCharsets.UTF_8));
        header.put(MessageVerifier.COUNTER_LABEL, counter);
        return header;
    }

    static byte[] mac0(String deviceId, byte[] key, long counter, byte[] payload) {
        return build(IntegrityMethod.COSE_MAC0, header(5, deviceId, counter), Map.of(), payload, NO_AAD, true, hmac(key));
    }

    static byte[] ed25519(String deviceId, PrivateKey key, long counter, byte[] payload) {
        return build(IntegrityMethod.COSE_SIGN1, header(-8, deviceId, counter), Map.of(), payload, NO_AAD, true, ed25519(key));
    }

    static byte[] es256(String deviceId, PrivateKey key, long counter, byte[] payload) {
        return build(IntegrityMethod.COSE_SIGN1, header(-7, deviceId, counter), Map.of(), payload, NO_AAD, true, es256(key));
    }

    /** Any message: the tag/signature is made correctly over whatever headers are given. */
    static byte[] build(IntegrityMethod method, Map<Object, Object> protectedHeader, Map<Object, Object> unprotected,
                        byte[] payload, byte[] aad, boolean tagged, UnaryOperator<byte[]> authenticator) {
        byte[] protectedBytes = protectedHeader.isEmpty() ? new byte[0] : Cbor.encode(protectedHeader);
        byte[] tag = authenticator.apply(CoseStructures.toBeAuthenticated(method, protectedBytes, aad, payload));
        List<Object> parts = List.of(protectedBytes, unprotected, payload, tag);
        int cborTag = method == IntegrityMethod.COSE_MAC0 ? 17 : 18;
        return Cbor.encode(tagged ? new Cbor.Tag(cborTag, parts) : parts);
    }

    static UnaryOperator<byte[]> hmac(byte[] key) {
        return data -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static UnaryOperator<byte[]> ed25519(PrivateKey key) {
        return signer("Ed25519", key);
    }

    static UnaryOperator<byte[]> es256(PrivateKey key) {
        return signer("SHA256withECDSAinP1363Format", key);
    }

    static UnaryOperator<byte[]> es256Der(PrivateKey key) {
        return signer("SHA256withECDSA", key);
    }

    private static UnaryOperator<byte[]> signer(String algorithm, PrivateKey key) {
        return data -> {
            try {
                Signature signature = Signature.getInstance(algorithm);
                signature.initSign(key);
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
