package io.pactum.core.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The hash functions of RFC 9162 §2.1.1 with SHA-256. The 0x00 and 0x01 prefixes keep a leaf from
 * ever being passed off as an interior node (second-preimage resistance).
 */
public final class MerkleHash {
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** The root of the empty tree: SHA-256 of the empty string. */
    public static final Hash EMPTY_TREE = Hash.wrap(sha256().digest());

    private MerkleHash() {
    }

    /** SHA-256(0x00 ‖ entry). */
    public static Hash leaf(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return Hash.wrap(digest.digest());
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static Hash node(Hash left, Hash right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        left.updateDigest(digest);
        right.updateDigest(digest);
        return Hash.wrap(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
