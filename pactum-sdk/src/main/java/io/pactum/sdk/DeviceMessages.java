package io.pactum.sdk;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates Pactum device messages: the payload (any bytes) in a tagged COSE_Mac0 or COSE_Sign1
 * whose protected header is {@code {1: alg, 4: deviceId as UTF-8 bstr, -65537: counter}},
 * deterministically encoded, with an empty unprotected header. See {@code docs/device-messages.md}.
 */
public final class DeviceMessages {
    /** Private-use header label of the message counter. */
    public static final long COUNTER_LABEL = -65537;
    public static final int MAC_KEY_BYTES = 32;
    static final long ALG_HMAC_256_256 = 5;
    static final long ALG_ES256 = -7;
    static final long ALG_EDDSA = -8;
    private static final int TAG_MAC0 = 17;
    private static final int TAG_SIGN1 = 18;
    private static final byte[] NO_AAD = new byte[0];
    private static final CBORFactory CBOR = new CBORFactory();
    private static final ECParameterSpec P256 = p256();

    private DeviceMessages() {}

    /** A COSE_Mac0 with HMAC 256/256 under the device's 32-byte key. */
    public static byte[] mac0(String deviceId, byte[] macKey, long counter, byte[] payload) {
        return mac0(deviceId, macKey, counter, payload, NO_AAD);
    }

    /** As {@link #mac0(String, byte[], long, byte[])}, binding external data the hub also knows (e.g. the topic). */
    public static byte[] mac0(String deviceId, byte[] macKey, long counter, byte[] payload, byte[] externalAad) {
        Objects.requireNonNull(macKey, "macKey");
        if (macKey.length != MAC_KEY_BYTES) {
            throw new IllegalArgumentException("the MAC key must be " + MAC_KEY_BYTES + " bytes");
        }
        byte[] protectedHeader = protectedHeader(ALG_HMAC_256_256, deviceId, counter);
        byte[] toBeMaced = structure("MAC0", protectedHeader, externalAad, payload);
        byte[] tag;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            tag = mac.doFinal(toBeMaced);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        return message(TAG_MAC0, protectedHeader, payload, tag);
    }

    /** A COSE_Sign1: EdDSA for an Ed25519 key, ES256 for an EC P-256 key. */
    public static byte[] sign1(String deviceId, PrivateKey privateKey, long counter, byte[] payload) {
        return sign1(deviceId, privateKey, counter, payload, NO_AAD);
    }

    /** As {@link #sign1(String, PrivateKey, long, byte[])}, binding external data the hub also knows. */
    public static byte[] sign1(String deviceId, PrivateKey privateKey, long counter, byte[] payload, byte[] externalAad) {
        Objects.requireNonNull(privateKey, "privateKey");
        long alg;
        String jdkAlgorithm;
        if (privateKey instanceof EdECPrivateKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            alg = ALG_EDDSA;
            jdkAlgorithm = "Ed25519";
        } else if (privateKey instanceof ECPrivateKey ec && isP256(ec.getParams())) {
            alg = ALG_ES256;
            // COSE wants r||s (RFC 9053 §2.1), which is what the JDK's P1363 variant produces
            jdkAlgorithm = "SHA256withECDSAinP1363Format";
        } else {
            throw new IllegalArgumentException("the signing key must be Ed25519 or EC P-256, not " + privateKey.getAlgorithm());
        }
        byte[] protectedHeader = protectedHeader(alg, deviceId, counter);
        byte[] toBeSigned = structure("Signature1", protectedHeader, externalAad, payload);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(jdkAlgorithm);
            signer.initSign(privateKey);
            signer.update(toBeSigned);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key cannot sign with " + jdkAlgorithm, e);
        }
        return message(TAG_SIGN1, protectedHeader, payload, signature);
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P256.getCurve()) && params.getOrder().equals(P256.getOrder())
                && params.getGenerator().equals(P256.getGenerator());
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

    /** {1: alg, 4: kid, -65537: counter}: keys in this order are the deterministic order (RFC 8949 §4.2.1). */
    private static byte[] protectedHeader(long alg, String deviceId, long counter) {
        Objects.requireNonNull(deviceId, "deviceId");
        if (deviceId.isEmpty()) {
            throw new IllegalArgumentException("deviceId must not be empty");
        }
        if (counter < 1) {
            throw new IllegalArgumentException("counter must be 1 or more");
        }
        return encode(g -> {
            g.writeStartObject(3);
            g.writeFieldId(1);
            g.writeNumber(alg);
            g.writeFieldId(4);
            g.writeBinary(deviceId.getBytes(StandardCharsets.UTF_8));
            g.writeFieldId(COUNTER_LABEL);
            g.writeNumber(counter);
            g.writeEndObject();
        });
    }

    /** MAC_structure / Sig_structure (RFC 9052 §6.3, §4.4). */
    private static byte[] structure(String context, byte[] protectedHeader, byte[] externalAad, byte[] payload) {
        Objects.requireNonNull(externalAad, "externalAad");
        Objects.requireNonNull(payload, "payload");
        return encode(g -> {
            g.writeStartArray(null, 4);
            g.writeString(context);
            g.writeBinary(protectedHeader);
            g.writeBinary(externalAad);
            g.writeBinary(payload);
            g.writeEndArray();
        });
    }

    private static byte[] message(int tag, byte[] protectedHeader, byte[] payload, byte[] tagOrSignature) {
        return encode(g -> {
            g.writeTag(tag);
            g.writeStartArray(null, 4);
            g.writeBinary(protectedHeader);
            g.writeStartObject(0);
            g.writeEndObject();
            g.writeBinary(payload);
            g.writeBinary(tagOrSignature);
            g.writeEndArray();
        });
    }

    private interface Writer {
        void write(CBORGenerator generator) throws IOException;
    }

    private static byte[] encode(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = CBOR.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
