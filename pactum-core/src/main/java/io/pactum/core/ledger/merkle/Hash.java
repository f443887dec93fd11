package io.pactum.core.ledger.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An immutable SHA-256 value (32 bytes): a leaf hash, a node hash or a tree root. */
public final class Hash {
    /** Length in bytes of every hash in this package. */
    public static final int SIZE = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}, which must be exactly {@value #SIZE} long. */
    public static Hash of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a hash is " + SIZE + " bytes, got " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    public static Hash fromHex(String hex) {
        return of(HEX.parseHex(Objects.requireNonNull(hex, "hex")));
    }

    public static Hash fromBase64(String base64) {
        return of(Base64.getDecoder().decode(Objects.requireNonNull(base64, "base64")));
    }

    /** Wraps a digest's own fresh output without a second copy. */
    static Hash wrap(byte[] digest) {
        return new Hash(digest);
    }

    /** A copy: callers may not change this value. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Feeds this hash to {@code digest} without copying it. */
    void updateDigest(MessageDigest digest) {
        digest.update(bytes);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The same hash with one bit inverted; tests and fault injection use it. */
    public Hash withBitFlipped(int bit) {
        Objects.checkIndex(bit, SIZE * 8);
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        return new Hash(flipped);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        // Roots are public values, so a constant-time compare buys nothing here.
        return other instanceof Hash that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
