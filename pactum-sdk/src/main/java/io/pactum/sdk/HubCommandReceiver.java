package io.pactum.sdk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Objects;

/**
 * What a device runs to accept commands from the hub: checks the COSE_Sign1 signature with the
 * hub's public key ({@code GET /api/v1/hub/key}), that it is the hub's ({@code kid} pactum-hub,
 * EdDSA), and that its counter is higher than any accepted before, so a recorded command cannot
 * be played back. Keep one receiver per device and persist {@link #lastCounter()} across restarts.
 */
public final class HubCommandReceiver {
    private static final String HUB_KEY_ID = "pactum-hub";
    private static final long EDDSA = -8;
    private static final int TAG_SIGN1 = 18;
    private static final CBORFactory CBOR = new CBORFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey hubKey;
    private long lastCounter;

    /** @param lastCounter the highest counter accepted before (0 for a new device) */
    public HubCommandReceiver(PublicKey hubKey, long lastCounter) {
        this.hubKey = Objects.requireNonNull(hubKey, "hubKey");
        this.lastCounter = lastCounter;
    }

    public long lastCounter() {
        return lastCounter;
    }

    /** Verifies and accepts a command; throws {@link SecurityException} saying why it is refused. */
    public synchronized HubCommand accept(byte[] message) {
        Objects.requireNonNull(message, "message");
        Sign1 sign1 = Sign1.parse(message);
        Header header = Header.parse(sign1.protectedHeader());
        if (header.alg() != EDDSA || !HUB_KEY_ID.equals(header.keyId())) {
            throw new SecurityException("not a command signed by the hub (alg " + header.alg() + ", kid " + header.keyId() + ")");
        }
        if (!verifies(sign1)) {
            throw new SecurityException("the command's signature does not verify with the hub key");
        }
        if (header.counter() <= lastCounter) {
            throw new SecurityException("command counter " + header.counter() + " is not above " + lastCounter
                    + ": a replay");
        }
        HubCommand command = parse(sign1.payload(), header.counter());
        lastCounter = header.counter();
        return command;
    }

    private boolean verifies(Sign1 sign1) {
        ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(toBeSigned)) {
            g.writeStartArray(null, 4);
            g.writeString("Signature1");
            g.writeBinary(sign1.protectedHeader());
            g.writeBinary(new byte[0]);
            g.writeBinary(sign1.payload());
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(hubKey);
            verifier.update(toBeSigned.toByteArray());
            return verifier.verify(sign1.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static HubCommand parse(byte[] payload, long counter) {
        try {
            JsonNode json = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
            return new HubCommand(json.path("id").asText(), json.path("name").asText(), json.path("parameters"),
                    Instant.parse(json.path("issuedAt").asText()), counter);
        } catch (IOException | RuntimeException e) {
            throw new SecurityException("the command's payload is not the hub's JSON command form");
        }
    }

    /** The four parts of a tagged COSE_Sign1 message. */
    private record Sign1(byte[] protectedHeader, byte[] payload, byte[] signature) {
        static Sign1 parse(byte[] message) {
            try (CBORParser p = CBOR.createParser(message)) {
                if (p.nextToken() != JsonToken.START_ARRAY || p.getCurrentTag() != TAG_SIGN1) {
                    throw new SecurityException("not a tagged COSE_Sign1 message");
                }
                byte[] protectedHeader = binary(p);
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new SecurityException("COSE_Sign1 lacks its unprotected header");
                }
                p.skipChildren();
                byte[] payload = binary(p);
                byte[] signature = binary(p);
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new SecurityException("COSE_Sign1 has more than four parts");
                }
                return new Sign1(protectedHeader, payload, signature);
            } catch (IOException e) {
                throw new SecurityException("not a COSE_Sign1 message: " + e.getMessage());
            }
        }

        private static byte[] binary(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
                throw new SecurityException("COSE_Sign1 part is not a byte string");
            }
            return p.getBinaryValue();
        }
    }

    /** The protected header's algorithm, key id and counter. */
    private record Header(long alg, String keyId, long counter) {
        static Header parse(byte[] encoded) {
            long alg = 0;
            String keyId = "";
            long counter = 0;
            try (CBORParser p = CBOR.createParser(encoded)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new SecurityException("the protected header is not a map");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String label = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (label) {
                        case "1" -> alg = p.getLongValue();
                        case "4" -> keyId = new String(p.getBinaryValue(), StandardCharsets.UTF_8);
                        case "-65537" -> counter = p.getLongValue();
                        default -> p.skipChildren();
                    }
                    if (value == null) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new SecurityException("the protected header is not valid CBOR");
            }
            return new Header(alg, keyId, counter);
        }
    }
}
