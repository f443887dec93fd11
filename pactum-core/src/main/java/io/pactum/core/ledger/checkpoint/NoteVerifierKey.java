package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named Ed25519 public key that verifies note signatures, in the text form of Go's
 * {@code sumdb/note} that C2SP tools exchange: {@code <name>+<key ID as 8 lower-case hex
 * digits>+<base64(0x01 ‖ 32-byte public key)>}, for example
 * {@code pactum.example/ledger+1a2b3c4d+AU...}.
 *
 * <p>The key ID is the one c2sp.org/signed-note recommends for Ed25519: the first four bytes, big
 * endian, of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key). A parsed key whose ID does not match its
 * name and key is rejected, since it could never verify a signature line.
 */
public final class NoteVerifierKey {
    /** The signature type byte c2sp.org/signed-note assigns to Ed25519. */
    static final byte ED25519_TYPE = 0x01;
    private static final Pattern KEY_ID_HEX = Pattern.compile("[0-9a-f]{8}");

    private final String name;
    private final int keyId;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;

    private NoteVerifierKey(String name, byte[] rawPublicKey, PublicKey publicKey) {
        this.name = name;
        this.rawPublicKey = rawPublicKey;
        this.publicKey = publicKey;
        this.keyId = keyId(name, rawPublicKey);
    }

    /** The verifier key for {@code publicKey} under {@code name}. */
    public static NoteVerifierKey of(String name, PublicKey publicKey) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "publicKey");
        NoteText.requireKeyName(name, "name");
        return new NoteVerifierKey(name, Ed25519Keys.raw(publicKey), publicKey);
    }

    /** Reads the text form; rejects anything but an Ed25519 key whose ID matches. */
    public static NoteVerifierKey parse(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        // Names and IDs hold no '+', but base64 key data may: only the first two '+' separate.
        String[] parts = encoded.split("\\+", 3);
        if (parts.length != 3) {
            throw new InvalidInputException("verifierKey", "expected <name>+<key id>+<key>, three parts separated by '+'");
        }
        NoteText.requireKeyName(parts[0], "verifierKey");
        if (!KEY_ID_HEX.matcher(parts[1]).matches()) {
            throw new InvalidInputException("verifierKey", "key id must be 8 lower-case hex digits");
        }
        byte[] typed = CanonicalBase64.decode(parts[2], "verifierKey", "key");
        if (typed.length == 0 || typed[0] != ED25519_TYPE) {
            throw new InvalidInputException("verifierKey", "only Ed25519 keys (signature type 0x01) are supported");
        }
        if (typed.length != 1 + Ed25519Keys.PUBLIC_KEY_LENGTH) {
            throw new InvalidInputException("verifierKey", "an Ed25519 key is 32 bytes, not " + (typed.length - 1));
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        NoteVerifierKey key = new NoteVerifierKey(parts[0], raw, Ed25519Keys.fromRaw(raw));
        if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new InvalidInputException("verifierKey", "key id does not match the name and key");
        }
        return key;
    }

    /** SHA-256(name ‖ 0x0A ‖ 0x01 ‖ rawPublicKey)[:4] as a big-endian (unsigned) 32-bit value. */
    public static int keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519_TYPE);
            sha256.update(rawPublicKey);
            byte[] hash = sha256.digest();
            return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | (hash[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The raw 32-byte Ed25519 public key (RFC 8032 encoding). */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** The text form, e.g. {@code pactum.example/ledger+1a2b3c4d+AU...}. */
    public String encoded() {
        byte[] typed = new byte[1 + rawPublicKey.length];
        typed[0] = ED25519_TYPE;
        System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
        return name + "+" + hexKeyId(keyId) + "+" + CanonicalBase64.encode(typed);
    }

    static String hexKeyId(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    boolean isKeyOf(NoteSignature signature) {
        return name.equals(signature.keyName()) && keyId == signature.keyId();
    }

    boolean verifies(byte[] text, byte[] signature) {
        return Ed25519Keys.verify(publicKey, text, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey key && name.equals(key.name) && Arrays.equals(rawPublicKey, key.rawPublicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(rawPublicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
