package io.pactum.server.demo;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of the withdrawing patient's data at the clinic: the withdrawal took effect {@code at}
 * into the run (null before it); the clinic received {@code before} of the patient's records measured
 * before it and {@code after} measured after; {@code arrivedLate} of the patient's records arrived more
 * than a grace period after it, whenever measured (a withheld delivery must not go out late); and
 * {@code othersAfter} records of other patients measured after it — the clinic's feed was alive, so
 * a zero {@code after} means something.
 */
public record Withdrawal(String patient, @Nullable Duration at, long before, long after, long arrivedLate,
        long othersAfter) {
    public Withdrawal {
        Objects.requireNonNull(patient, "patient");
    }

    /** The claim: data before, none after nor late, and the feed alive after. */
    public boolean honoured() {
        return at != null && before > 0 && after == 0 && arrivedLate == 0 && othersAfter > 0;
    }
}
