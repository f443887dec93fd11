package io.pactum.core.detect;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The consecutive-data-point state machine of one subject under one behaviour. It reports only
 * transitions, so a subject raises one alarm until it clears. Not thread-safe.
 */
final class AlarmState {
    enum Transition { NONE, RAISED, CLEARED }

    private int breaches;
    private int calmSeconds;
    private long lastCalmSecond = Long.MIN_VALUE;
    private boolean alarmed;
    private @Nullable Instant firstBreachAt;

    Transition evaluate(boolean breach, Instant at, int toAlarm, int toClear) {
        if (breach) {
            calmSeconds = 0;
            lastCalmSecond = Long.MIN_VALUE;
            if (alarmed) {
                return Transition.NONE;
            }
            if (breaches++ == 0) {
                firstBreachAt = at;
            }
            if (breaches >= toAlarm) {
                alarmed = true;
                return Transition.RAISED;
            }
            return Transition.NONE;
        }
        breaches = 0;
        if (!alarmed) {
            firstBreachAt = null;
            return Transition.NONE;
        }
        long second = at.getEpochSecond();
        if (second > lastCalmSecond) {
            lastCalmSecond = second;
            if (++calmSeconds >= toClear) {
                alarmed = false;
                calmSeconds = 0;
                firstBreachAt = null;
                return Transition.CLEARED;
            }
        }
        return Transition.NONE;
    }

    boolean alarmed() {
        return alarmed;
    }

    Instant firstBreachAt(Instant fallback) {
        return firstBreachAt == null ? fallback : firstBreachAt;
    }
}
