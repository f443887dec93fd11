package io.pactum.core.ledger.checkpoint;

import io.pactum.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a signed note, {@code — <key name> <base64(key ID ‖ signature)>}: an em
 * dash (U+2014), a space, the key name, a space, and the base64 of the 4-byte big-endian key ID
 * followed by the signature bytes. Parsing checks the syntax only; {@link SignedNote} verifies.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
    static final String PREFIX = "\u2014 ";
    private static final int KEY_ID_LENGTH = 4;

    public NoteSignature {
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(signature, "signature");
        NoteText.requireKeyName(keyName, "signature");
        if (signature.length == 0) {
            throw new InvalidInputException("signature", "signature bytes are empty");
        }
        signature = signature.clone();
    }

    /** Reads one line, without its final newline. */
    public static NoteSignature parseLine(String line) {
        Objects.requireNonNull(line, "line");
        if (!line.startsWith(PREFIX)) {
            throw new InvalidInputException("signature", "a signature line starts with an em dash (U+2014) and a space");
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new InvalidInputException("signature", "a signature line is '\u2014 <key name> <base64 signature>'");
        }
        String name = rest.substring(0, space);
        NoteText.requireKeyName(name, "signature");
        byte[] bytes = CanonicalBase64.decode(rest.substring(space + 1), "signature", "signature");
        if (bytes.length <= KEY_ID_LENGTH) {
            throw new InvalidInputException("signature", "a signature holds a 4-byte key id and at least one signature byte");
        }
        int keyId = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
        return new NoteSignature(name, keyId, Arrays.copyOfRange(bytes, KEY_ID_LENGTH, bytes.length));
    }

    /** The line, without its final newline. */
    public String line() {
        byte[] bytes = new byte[KEY_ID_LENGTH + signature.length];
        bytes[0] = (byte) (keyId >>> 24);
        bytes[1] = (byte) (keyId >>> 16);
        bytes[2] = (byte) (keyId >>> 8);
        bytes[3] = (byte) keyId;
        System.arraycopy(signature, 0, bytes, KEY_ID_LENGTH, signature.length);
        return PREFIX + keyName + " " + CanonicalBase64.encode(bytes);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}
