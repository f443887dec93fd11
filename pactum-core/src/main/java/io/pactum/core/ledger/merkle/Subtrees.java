package io.pactum.core.ledger.merkle;

/** Index arithmetic shared by the tree computations: powers of two and subtree bounds. */
final class Subtrees {
    private Subtrees() {
    }

    /** Checks that 2^level leaves from {@code start} form a complete, aligned subtree of {@code size}. */
    static void checkComplete(long start, int level, long size) {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("level out of range: " + level);
        }
        long width = 1L << level;
        if (start < 0 || (start & (width - 1)) != 0 || start > size - width) {
            throw new IllegalArgumentException(
                    "no complete subtree of 2^" + level + " leaves at " + start + " in a tree of " + size);
        }
    }

    /** The largest power of two strictly less than {@code n}, for n > 1: the "k" of RFC 9162 §2.1.1. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** log2 of a power of two. */
    static int level(long powerOfTwo) {
        return Long.numberOfTrailingZeros(powerOfTwo);
    }
}
