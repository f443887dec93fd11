package io.pactum.core.privacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Rounding and grid coarsening in exact decimal arithmetic. A {@code double} value and step are
 * taken as the decimal numbers they print as ({@link BigDecimal#valueOf(double)}: 0.1 is one tenth,
 * not 0.1000000000000000055…), so ties and grid lines fall where a person reading the numbers
 * expects them; the quotient value/step is rounded exactly (no intermediate floating-point error),
 * and the result, a multiple of the step, is converted back once.
 */
final class Generalisation {
    /** {@code ROUND}: to the nearest multiple; ties to the even multiple (unbiased for aggregates). */
    static final RoundingMode ROUND_MODE = RoundingMode.HALF_EVEN;
    /** {@code COARSEN_LOCATION}: down to the grid line at or below the value (towards -∞). */
    static final RoundingMode COARSEN_MODE = RoundingMode.FLOOR;

    private static final double TWO_TO_63 = 0x1p63;

    private Generalisation() {}

    /** The multiple of {@code step} that {@code mode} selects for {@code value}. */
    static BigDecimal toMultiple(BigDecimal value, BigDecimal step, RoundingMode mode) {
        BigDecimal quotient = value.divide(step, 0, mode);
        return quotient.multiply(step);
    }

    /** A finite double result, or {@code null} if the multiple is beyond the double range. */
    static @Nullable Double toMultiple(double value, double step, RoundingMode mode) {
        double result = toMultiple(BigDecimal.valueOf(value), BigDecimal.valueOf(step), mode).doubleValue();
        if (!Double.isFinite(result)) {
            return null;
        }
        return result == 0 ? 0.0 : result; // never -0.0
    }

    /** An integer result for an integral step, or {@code null} if it overflows a long. */
    static @Nullable Long toMultiple(long value, long step, RoundingMode mode) {
        try {
            return toMultiple(BigDecimal.valueOf(value), BigDecimal.valueOf(step), mode).longValueExact();
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** Whether {@code step} is a whole number that fits a long, so integers can stay integers. */
    static boolean isIntegral(double step) {
        return step == Math.rint(step) && step < TWO_TO_63;
    }
}
