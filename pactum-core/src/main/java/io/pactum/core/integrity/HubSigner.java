package io.pactum.core.integrity;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Signs what the hub sends to devices (commands) as COSE_Sign1 with its Ed25519 key, in the same
 * layout devices use for their messages ({@code docs/device-messages.md}): {@code alg} EdDSA,
 * {@code kid} {@value #KEY_ID}, and a counter per device so that a device can refuse a replayed
 * command with the same window it is verified with.
 */
public final class HubSigner {
    public static final String KEY_ID = "pactum-hub";
    private static final int TAG_SIGN1 = 18;
    private static final CBORFactory CBOR = new CBORFactory();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public HubSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        if (!privateKey.getAlgorithm().equals("EdDSA") && !privateKey.getAlgorithm().equals("Ed25519")) {
            throw new IllegalArgumentException("the hub signs with an Ed25519 key, not " + privateKey.getAlgorithm());
        }
    }

    /** The key devices verify the hub's messages with. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** A COSE_Sign1 message (tagged) carrying {@code payload}, for the device's {@code counter}-th command. */
    public byte[] sign(long counter, byte[] payload) {
        if (counter < 1) {
            throw new IllegalArgumentException("counter must be 1 or more");
        }
        byte[] protectedHeader = protectedHeader(counter);
        byte[] toBeSigned = CoseStructures.toBeAuthenticated(IntegrityMethod.COSE_SIGN1, protectedHeader, new byte[0],
                payload);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(toBeSigned);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        return encode(generator -> {
            generator.writeTag(TAG_SIGN1);
            generator.writeStartArray(null, 4);
            generator.writeBinary(protectedHeader);
            generator.writeStartObject(0);
            generator.writeEndObject();
            generator.writeBinary(payload);
            generator.writeBinary(signature);
            generator.writeEndArray();
        });
    }

    private static byte[] protectedHeader(long counter) {
        return encode(generator -> {
            generator.writeStartObject(3);
            generator.writeFieldId(1);
            generator.writeNumber(CoseAlgorithm.EDDSA.id());
            generator.writeFieldId(4);
            generator.writeBinary(KEY_ID.getBytes(StandardCharsets.UTF_8));
            generator.writeFieldId(MessageVerifier.COUNTER_LABEL);
            generator.writeNumber(counter);
            generator.writeEndObject();
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
