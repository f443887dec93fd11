package io.pactum.core.ledger.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent transcription of RFC 9162 for the tests, on plain byte arrays and its own SHA-256,
 * sharing no code with {@code io.pactum.core.ledger.merkle}: the tree head of §2.1.1, the inclusion
 * check of §2.1.3.2 and the consistency check of §2.1.4.2, step by step as the RFC words them.
 */
final class Rfc9162 {
    private Rfc9162() {}

    static byte[] leafHash(byte[] entry) {
        return sha256(new byte[] {0x00}, entry);
    }

    /** MTH(D[n]) of §2.1.1, over the leaves' data. */
    static byte[] treeHead(List<byte[]> entries) {
        int n = entries.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHash(entries.get(0));
        }
        int k = Integer.highestOneBit(n - 1); // the largest power of two smaller than n
        return node(treeHead(entries.subList(0, k)), treeHead(entries.subList(k, n)));
    }

    /** §2.1.3.2: does {@code path} prove {@code hash} is leaf {@code leafIndex} of the tree with {@code rootHash}? */
    static boolean verifyInclusion(long leafIndex, long treeSize, byte[] hash, List<byte[]> path, byte[] rootHash) {
        // 1.
        if (leafIndex >= treeSize) {
            return false;
        }
        // 2., 3.
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = hash;
        // 4.
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if (lsb(fn) || fn == sn) {
                r = node(p, r);
                if (!lsb(fn)) {
                    while (!lsb(fn) && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    /** §2.1.4.2, for 0 &lt; first &lt; second. */
    static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
        if (first <= 0 || first >= second) {
            throw new IllegalArgumentException("the RFC's algorithm is for 0 < first < second");
        }
        // 1.
        if (proof.isEmpty()) {
            return false;
        }
        // 2.
        List<byte[]> path = new ArrayList<>();
        if (Long.bitCount(first) == 1) {
            path.add(firstHash);
        }
        path.addAll(proof);
        // 3.
        long fn = first - 1;
        long sn = second - 1;
        // 4.
        if (lsb(fn)) {
            while (lsb(fn)) {
                fn >>= 1;
                sn >>= 1;
            }
        }
        // 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if (lsb(fn) || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                if (!lsb(fn)) {
                    while (!lsb(fn) && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 7.
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
    }

    private static boolean lsb(long value) {
        return (value & 1) == 1;
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] {0x01}, left, right);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
