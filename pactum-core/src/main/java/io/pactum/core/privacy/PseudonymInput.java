package io.pactum.core.privacy;

import java.math.BigDecimal;

/** The bytes a pseudonym is computed over: well-formed strings, and numbers' canonical forms. */
final class PseudonymInput {
    private PseudonymInput() {}

    /** Whether every surrogate in {@code s} is part of a pair, so UTF-8 encodes it losslessly. */
    static boolean isWellFormed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** An integer's canonical form: its decimal digits, with a leading '-' if negative. */
    static String canonical(long value) {
        return Long.toString(value);
    }

    /**
     * A finite double's canonical form: the exact decimal value of the binary number, without
     * exponent or trailing zeros ({@code 5.0 -> "5"}, {@code -0.0 -> "0"}); independent of the JDK's
     * {@code Double.toString}, which changed in JDK 19. An integral double therefore has the same
     * form as the equal integer.
     */
    static String canonical(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).stripTrailingZeros().toPlainString();
    }
}
